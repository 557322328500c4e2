"use client";
import { useState } from "react";
import { useProject } from "@/components/projects/project-context";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { IconDownload } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { roleAtLeast } from "@/lib/access/roles";
import type { ImportStatus } from "@/lib/imports/status";
import { ImportDialog } from "./import-dialog";

/** Opens the import dialog (editors and admins). `onImported` runs when an import has ended. */
export function ImportTrajectoriesButton({ onImported }: { onImported?: (status: ImportStatus) => void }) {
  const project = useProject();
  const [open, setOpen] = useState(false);
  const toast = useToast();
  if (!roleAtLeast(project.role, "editor"))
    return (
      <span className="text-xs text-fg-subtle" title="Imports are run by editors and admins">
        Editors can import trajectories
      </span>
    );
  return (
    <>
      <Button
        variant="primary"
        icon={<IconDownload className="size-3.5 rotate-180" />}
        data-testid="import-trajectories"
        onClick={() => setOpen(true)}
      >
        Import
      </Button>
      <ImportDialog
        projectId={project.id}
        open={open}
        onClose={() => setOpen(false)}
        onFinished={(s) => {
          const { created, exists, invalid } = s.counts;
          const n = (k: number, one: string, many: string) => `${formatNumber(k)} ${k === 1 ? one : many}`;
          if (s.job.status === "succeeded")
            toast({
              title: `Imported ${n(created, "trajectory", "trajectories")}`,
              description: `${n(exists, "was", "were")} already there${invalid ? `; ${n(invalid, "invalid record", "invalid records")} skipped` : ""}.`,
            });
          onImported?.(s);
        }}
      />
    </>
  );
}
