"use client";
import Link from "next/link";
import { useProject } from "@/components/projects/project-context";
import { Button } from "@/components/ui/button";
import { IconDownload } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { roleAtLeast } from "@/lib/access/roles";
import { useLaunchExport } from "./queries";

/** Starts a project export (editors and admins); the new job appears in the list with live progress. */
export function ExportProjectButton({ onLaunched }: { onLaunched?: (jobId: string) => void }) {
  const project = useProject();
  const launch = useLaunchExport(project.id);
  const toast = useToast();
  if (!roleAtLeast(project.role, "editor"))
    return (
      <span className="text-xs text-fg-subtle" title="Exports are launched by editors and admins">
        Editors can export this project
      </span>
    );
  return (
    <Button
      variant="primary"
      icon={<IconDownload className="size-3.5" />}
      loading={launch.isPending}
      data-testid="export-project"
      onClick={() =>
        launch.mutate(undefined, {
          onSuccess: (job) => {
            onLaunched?.(job.id);
            toast({
              title: "Export started",
              description: "Follow it here; a Download link appears when it has finished.",
            });
          },
          onError: (e) => toast({ tone: "error", title: "Could not start the export", description: e.message }),
        })
      }
    >
      Export project
    </Button>
  );
}

export function JobLink({
  projectId,
  jobId,
  children,
}: {
  projectId: string;
  jobId: string;
  children: React.ReactNode;
}) {
  return (
    <Link href={`/projects/${projectId}/jobs/${jobId}`} className="font-medium text-fg hover:underline">
      {children}
    </Link>
  );
}
