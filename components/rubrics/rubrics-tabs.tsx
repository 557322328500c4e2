"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * The Rubrics area's sections; every page of the area mounts it. The Rubrics tab stays current
 * inside one rubric's editor too, since that is where the list leads.
 */
export function RubricsTabs({
  projectId,
  title = "Rubrics",
  description = "Criteria that score a trajectory, versioned; judges that score them; a playground to try both on trajectories; and how often judges agree with people.",
  actions,
}: {
  projectId: string;
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const pathname = usePathname();
  const base = `/projects/${projectId}/rubrics`;
  const tabs = [
    { href: base, label: "Rubrics", testId: "tab-rubrics" },
    { href: `${base}/playground`, label: "Playground", testId: "tab-playground" },
    { href: `${base}/judges`, label: "Judges", testId: "tab-judges" },
    { href: `${base}/agreement`, label: "Agreement", testId: "tab-agreement" },
  ];
  const sections = tabs.slice(1).map((t) => t.href);
  const activeHref =
    sections.find((h) => pathname === h || pathname.startsWith(`${h}/`)) ?? (pathname.startsWith(base) ? base : "");
  return (
    <div className="mb-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight text-fg">{title}</h1>
          {description ? <p className="mt-1 max-w-3xl text-sm text-fg-muted">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <nav aria-label="Rubrics sections" className="mt-3 flex gap-1 border-b border-line">
        {tabs.map((t) => {
          const active = activeHref === t.href;
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
