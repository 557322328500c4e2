"use client";
import { type ReactNode, useSyncExternalStore } from "react";
import { useCan } from "@/components/projects/project-context";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

const noSubscription = () => () => {};

/** A project without trajectories: each way to bring some in, for this project. */
export function TrajectoriesEmpty({ projectId, importButton }: { projectId: string; importButton?: ReactNode }) {
  const admin = useCan("admin");
  // the studio's own address, once in the browser (the server cannot know how it was reached)
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  return (
    <EmptyState
      title="No trajectories in this project yet"
      actions={
        <>
          {importButton}
          {admin ? (
            <ButtonLink href={`/projects/${projectId}/settings/api-keys`} size="sm">
              Create an ingest key
            </ButtonLink>
          ) : null}
        </>
      }
      ways={[
        {
          label: "In the studio",
          detail: importButton
            ? "Import a JSONL or JSON file of episodes with the Import button."
            : "An editor imports a JSONL or JSON file of episodes from this page.",
        },
        {
          label: "CLI",
          code: `npx atlas import episodes.jsonl --project ${projectId}`,
          detail:
            "On the studio's machine: one episode per line, in the atlas.trajectory/v1 format or OpenAI messages.",
        },
        {
          label: "API",
          code: `curl -X POST ${origin}/api/v1/trajectories -H "Authorization: Bearer $ATLAS_KEY" -H "content-type: application/json" -d @batch.json`,
          detail:
            'batch.json holds {"trajectories": [...]}, up to 1000 episodes; the key needs the ingest scope (admins create keys under Settings → API keys). The same episode sent twice is stored once.',
        },
        {
          label: "Runs",
          detail: "Benchmark and training runs record their episodes here as they go.",
        },
      ]}
    >
      <p>
        A trajectory is one agent episode: its messages, tool calls and results, the tools loaded at each step, context
        tokens per step, the final answer, scores and reward. Here you filter, sort and search them, then open one to
        replay it step by step.
      </p>
    </EmptyState>
  );
}
