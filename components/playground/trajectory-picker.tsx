"use client";
import Link from "next/link";
import { useMemo } from "react";
import { useTrajectoryFacets } from "@/components/trajectories/list/queries";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { SearchInput } from "@/components/ui/search-input";
import { Select } from "@/components/ui/select";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { useTrajectorySearch } from "./queries";

/** The playground tries a rubric on a handful of trajectories; batches go through the API. */
export const MAX_PICKED = 200;

export const pickedFrom = (s: string) => [...new Set(s.split(",").filter((x) => /^[0-9a-f-]{36}$/i.test(x)))];

/** Search the project's trajectories (words, a task) and tick some; the ticks live in the URL. */
export function TrajectoryPicker({ projectId }: { projectId: string }) {
  const url = useUrlQuery();
  const q = url.get("q");
  const task = url.get("task");
  const picked = useMemo(() => pickedFrom(url.get("trajectories")), [url]);
  const found = useTrajectorySearch(projectId, q, task);
  const facets = useTrajectoryFacets(projectId);
  const setPicked = (ids: string[]) => url.set({ trajectories: ids.slice(0, MAX_PICKED).join(",") || null });
  const rows = found.data?.items ?? [];
  const pickedSet = new Set(picked);
  const toggle = (id: string) => setPicked(pickedSet.has(id) ? picked.filter((x) => x !== id) : [...picked, id]);
  const allShown = rows.length > 0 && rows.every((r) => pickedSet.has(r.id));

  return (
    <div className="flex min-w-0 flex-col gap-2" data-testid="trajectory-picker">
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput
          value={q}
          onCommit={(v) => url.set({ q: v || null })}
          label="Search trajectories"
          placeholder="Search trajectories (/)"
          className="min-w-56 flex-1"
          testId="picker-search"
        />
        <Select aria-label="Task" value={task} onChange={(e) => url.set({ task: e.target.value || null })}>
          <option value="">Any task</option>
          {facets.data?.tasks.map((t) => (
            <option key={t.value} value={t.value}>
              {t.value} ({t.count})
            </option>
          ))}
        </Select>
      </div>
      <div className="flex items-center gap-2 text-xs text-fg-muted">
        <Button
          size="sm"
          variant="ghost"
          disabled={!rows.length}
          onClick={() =>
            setPicked(
              allShown ? picked.filter((id) => !rows.some((r) => r.id === id)) : [...picked, ...rows.map((r) => r.id)],
            )
          }
        >
          {allShown ? "Untick the shown" : "Tick the shown"}
        </Button>
        <span data-testid="picked-count">
          {formatNumber(picked.length)} picked{picked.length >= MAX_PICKED ? ` (at most ${MAX_PICKED} here)` : ""}
        </span>
        {picked.length ? (
          <Button size="sm" variant="ghost" onClick={() => setPicked([])}>
            Clear
          </Button>
        ) : null}
        <span className="ml-auto">
          {found.data?.total != null ? `${formatNumber(found.data.total)} match` : ""}
          {found.data && found.data.total !== null && found.data.total > rows.length
            ? `, first ${rows.length} shown`
            : ""}
        </span>
      </div>
      <ul className="max-h-72 overflow-y-auto rounded-md border border-line bg-raised" aria-label="Trajectories">
        {rows.map((r) => (
          <li key={r.id} className="border-b border-line last:border-0">
            <label className="flex cursor-pointer items-center gap-2 px-2 py-1 text-sm hover:bg-hover">
              <input
                type="checkbox"
                checked={pickedSet.has(r.id)}
                onChange={() => toggle(r.id)}
                data-testid="pick-trajectory"
                className="accent-(--color-accent)"
              />
              <span className="min-w-0 flex-1 truncate text-fg">{r.summary || r.clientId || r.id.slice(0, 8)}</span>
              <span className="shrink-0 text-xs text-fg-subtle">
                {r.taskRef ?? "no task"} · {r.stepCount} steps
                {r.reward !== null ? ` · reward ${r.reward}` : ""}
              </span>
            </label>
          </li>
        ))}
        {found.data && !rows.length ? (
          <li className="px-2 py-3 text-sm text-fg-muted">
            {q || task ? (
              "No trajectory matches: change the search or the task."
            ) : (
              <>
                No trajectories yet:{" "}
                <Link className="text-accent hover:underline" href={`/projects/${projectId}/trajectories`}>
                  import some
                </Link>{" "}
                first.
              </>
            )}
          </li>
        ) : null}
      </ul>
      {picked.some((id) => !rows.some((r) => r.id === id)) ? (
        <p className="text-xs text-fg-subtle">
          {formatNumber(picked.filter((id) => !rows.some((r) => r.id === id)).length)} picked trajectories are outside
          this search.
        </p>
      ) : null}
    </div>
  );
}
