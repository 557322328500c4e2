"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ImportTrajectoriesButton } from "@/components/imports/import-button";
import { AddToQueueButton } from "@/components/labeling/add-to-queue-dialog";
import { useProject } from "@/components/projects/project-context";
import { Button } from "@/components/ui/button";
import { trajectoryListKeys } from "./queries";
import { TrajectoryListScreen } from "./trajectory-list-screen";

// Where the list screen meets the rest of the studio: the import dialog in the header and the
// empty state, and the actions on ticked rows (compare two, add to an annotation queue).
export function TrajectoryListPage() {
  const project = useProject();
  const router = useRouter();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trajectoryListKeys.all(project.id) });
  return (
    <TrajectoryListScreen
      importButton={<ImportTrajectoriesButton onImported={refresh} />}
      selectionActions={(rows, clear) => (
        <>
          <Button
            size="sm"
            disabled={rows.length !== 2}
            title={rows.length === 2 ? "Open the two side by side" : "Tick exactly two trajectories to compare them"}
            data-testid="compare-selected"
            onClick={() => router.push(`/projects/${project.id}/trajectories/diff?a=${rows[0].id}&b=${rows[1].id}`)}
          >
            Compare two
          </Button>
          <AddToQueueButton
            projectId={project.id}
            trajectoryIds={rows.map((r) => r.id)}
            onAdded={() => {
              clear();
              refresh();
            }}
          />
        </>
      )}
    />
  );
}
