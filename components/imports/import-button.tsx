"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { qk } from "@/components/api/query-keys";
import { useProject } from "@/components/projects/project-context";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { IconDownload } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { roleAtLeast } from "@/lib/access/roles";
import type { ImportStatus } from "@/lib/imports/status";
import { ImportDialog } from "./import-dialog";

/**
 * Opens the import dialog (editors and admins). Lists refresh, and `onImported` runs, when the
 * dialog closes after an import ended: refreshing earlier could unmount the button that holds
 * the dialog (an empty state's button disappears once there are trajectories).
 */
export function ImportTrajectoriesButton({ onImported }: { onImported?: (status: ImportStatus) => void }) {
  const project = useProject();
  const [open, setOpen] = useState(false);
  const toast = useToast();
  const qc = useQueryClient();
  const ended = useRef<ImportStatus | null>(null);
  const close = () => {
    setOpen(false);
    const s = ended.current;
    ended.current = null;
    if (!s) return;
    qc.invalidateQueries({ queryKey: qk.stats(project.id) });
    qc.invalidateQueries({ queryKey: ["project", project.id, "trajectories"] });
    onImported?.(s);
  };
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
      {/* mounted only while open: a page may show this button twice (header and empty state) */}
      {open ? (
        <ImportDialog
          projectId={project.id}
          open
          onClose={close}
          onFinished={(s) => {
            ended.current = s;
            const { created, exists, invalid } = s.counts;
            const n = (k: number, one: string, many: string) => `${formatNumber(k)} ${k === 1 ? one : many}`;
            if (s.job.status === "succeeded")
              toast({
                title: `Imported ${n(created, "trajectory", "trajectories")}`,
                description: `${n(exists, "was", "were")} already there${invalid ? `; ${n(invalid, "invalid record", "invalid records")} skipped` : ""}.`,
              });
          }}
        />
      ) : null}
    </>
  );
}
