"use client";
import type { ReactNode } from "react";
import { AreaTabs } from "@/components/ui/area-tabs";

/** The Runs area's sections; the Runs tab stays current on one run's page. */
export function RunsTabs({
  projectId,
  title = "Runs",
  description = "Benchmark runs of a policy on a task set in a toolspace under a loading strategy; the policies they call and the strategy prompts they use.",
  actions,
}: {
  projectId: string;
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const base = `/projects/${projectId}/runs`;
  return (
    <AreaTabs
      label="Runs sections"
      title={title}
      description={description}
      actions={actions}
      tabs={[
        { href: base, label: "Runs", testId: "tab-runs" },
        { href: `${base}/policies`, label: "Policies", testId: "tab-policies" },
        { href: `${base}/prompts`, label: "Strategy prompts", testId: "tab-prompts" },
      ]}
    />
  );
}
