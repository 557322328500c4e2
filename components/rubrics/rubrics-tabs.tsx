"use client";
import type { ReactNode } from "react";
import { AreaTabs } from "@/components/ui/area-tabs";

/** The Rubrics area's sections; the Rubrics tab stays current inside one rubric's editor. */
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
  const base = `/projects/${projectId}/rubrics`;
  return (
    <AreaTabs
      label="Rubrics sections"
      title={title}
      description={description}
      actions={actions}
      tabs={[
        { href: base, label: "Rubrics", testId: "tab-rubrics" },
        { href: `${base}/playground`, label: "Playground", testId: "tab-playground" },
        { href: `${base}/judges`, label: "Judges", testId: "tab-judges" },
        { href: `${base}/agreement`, label: "Agreement", testId: "tab-agreement" },
      ]}
    />
  );
}
