"use client";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { TabNav } from "@/components/ui/tab-nav";

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
      <TabNav label="Rubrics sections" tabs={tabs} activeHref={activeHref} />
    </div>
  );
}
