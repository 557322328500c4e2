"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** The Labeling area's two lists: queues to work, and the label schemas they use. */
export function LabelingTabs({ projectId, actions }: { projectId: string; actions?: ReactNode }) {
  const pathname = usePathname();
  const base = `/projects/${projectId}/labeling`;
  const tabs = [
    { href: base, label: "Queues", testId: "tab-queues" },
    { href: `${base}/schemas`, label: "Label schemas", testId: "tab-schemas" },
  ];
  return (
    <div className="mb-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight text-fg">Labeling</h1>
          <p className="mt-1 max-w-3xl text-sm text-fg-muted">
            Human judgements on trajectories and steps. Label schemas say what to judge; queues hand trajectories to
            labelers and track who has done what.
          </p>
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <nav aria-label="Labeling sections" className="mt-3 flex gap-1 border-b border-line">
        {tabs.map((t) => {
          const active = pathname === t.href;
          return (
            <Link
              key={t.href}
              href={t.href}
              aria-current={active ? "page" : undefined}
              data-testid={t.testId}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm",
                active ? "border-accent font-medium text-fg" : "border-transparent text-fg-muted hover:text-fg",
              )}
            >
              {t.label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
