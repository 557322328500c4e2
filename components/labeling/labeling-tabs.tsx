"use client";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { TabNav } from "@/components/ui/tab-nav";

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
      <TabNav label="Labeling sections" tabs={tabs} activeHref={pathname} />
    </div>
  );
}
