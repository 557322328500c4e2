"use client";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/input";
import { SearchInput } from "@/components/ui/search-input";
import { Select } from "@/components/ui/select";
import type { TrajectoryFacets } from "@/lib/trajectories/schemas";
import { OutcomeChips, RewardRange, ToolPicker } from "./filter-controls";
import { type FilterKey, type Filters, listOf } from "./url-filters";

const small = "max-w-40";

/**
 * Every filter of the list. Values come from the project's facets; a value from a shared link
 * that the facets do not list (a run since deleted) still shows, so it can be removed.
 */
export function FilterBar({
  filters,
  facets,
  active,
  fieldError,
  onChange,
  onClear,
}: {
  filters: Filters;
  facets: TrajectoryFacets | undefined;
  active: number;
  /** the API's message for a filter it refused, by parameter name */
  fieldError: (field: FilterKey) => string | null;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
}) {
  const set = (k: FilterKey) => (v: string) => onChange({ [k]: v });
  const withCurrent = (values: string[], current: string) =>
    current && !values.includes(current) ? [current, ...values] : values;
  const runs = facets?.runs ?? [];
  // a tool name in the search box is a phrase to the text index, read vector by vector; the
  // tool filter answers the same question exactly, from its own index
  const toolInSearch = facets?.tools.find((t) => t.value === filters.q.trim())?.value;
  const tools = listOf(filters.tools);
  const runKnown = !filters.runId || runs.some((r) => r.id === filters.runId);
  return (
    <div className="flex w-full flex-col gap-2" data-testid="trajectory-filters">
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput
          label='Search every message: words, "a phrase", -excluded, or'
          placeholder="Search messages…"
          value={filters.q}
          onCommit={set("q")}
          className="w-60"
          testId="trajectory-search"
        />
        <OutcomeChips
          selected={listOf(filters.outcome)}
          counts={facets?.outcomes}
          onChange={(next) => onChange({ outcome: next.join(",") })}
        />
        <RewardRange
          min={filters.rewardMin}
          max={filters.rewardMax}
          error={fieldError("rewardMin") ?? fieldError("rewardMax")}
          onChange={(rewardMin, rewardMax) => onChange({ rewardMin, rewardMax })}
        />
        {active ? (
          <Button variant="ghost" size="sm" onClick={onClear} data-testid="clear-filters">
            Clear {active === 1 ? "filter" : `${active} filters`}
          </Button>
        ) : null}
      </div>
      {toolInSearch && !tools.includes(toolInSearch) ? (
        <p className="flex flex-wrap items-center gap-2 text-xs text-fg-muted" data-testid="tool-search-hint">
          <span>
            <code className="font-mono text-fg">{toolInSearch}</code> is a tool: the tool filter finds the trajectories
            that called it, exactly and faster than a text search.
          </span>
          <Button size="sm" onClick={() => onChange({ q: "", tools: [...tools, toolInSearch].join(",") })}>
            Filter by calls to {toolInSearch}
          </Button>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <ToolPicker selected={tools} tools={facets?.tools} onChange={(next) => onChange({ tools: next.join(",") })} />
        <Select
          aria-label="Tool errors"
          value={filters.toolErrors}
          onChange={(e) => set("toolErrors")(e.target.value)}
          className={cn(small, filters.toolErrors && "border-accent")}
          data-testid="filter-tool-errors"
        >
          <option value="">Errors: any</option>
          <option value="yes">With errors</option>
          <option value="no">Without errors</option>
        </Select>
        <Select
          aria-label="Labels"
          value={filters.labels}
          onChange={(e) => set("labels")(e.target.value)}
          className={cn(small, filters.labels && "border-accent")}
          data-testid="filter-labels"
        >
          <option value="">Labels: any</option>
          <option value="labeled">Labeled</option>
          <option value="unlabeled">Not labeled</option>
        </Select>
        <Select
          aria-label="Run"
          value={filters.runId}
          onChange={(e) => set("runId")(e.target.value)}
          className={cn(small, filters.runId && "border-accent")}
          data-testid="filter-run"
        >
          <option value="">Run: any</option>
          {runKnown ? null : <option value={filters.runId}>a run not in this project</option>}
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.count})
            </option>
          ))}
        </Select>
        <TaskFilter value={filters.task} tasks={facets?.tasks ?? []} onCommit={set("task")} />
        <Select
          aria-label="Policy"
          value={filters.policy}
          onChange={(e) => set("policy")(e.target.value)}
          className={cn(small, filters.policy && "border-accent")}
          data-testid="filter-policy"
        >
          <option value="">Policy: any</option>
          {withCurrent(
            (facets?.policies ?? []).map((p) => p.value),
            filters.policy,
          ).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Loading strategy"
          value={filters.strategy}
          onChange={(e) => set("strategy")(e.target.value)}
          className={cn(small, filters.strategy && "border-accent")}
          data-testid="filter-strategy"
        >
          <option value="">Strategy: any</option>
          {withCurrent(
            (facets?.strategies ?? []).map((s) => s.value),
            filters.strategy,
          ).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}

/** A task id typed or picked from the most frequent ones; written on Enter, on leaving, or on a pick. */
function TaskFilter({
  value,
  tasks,
  onCommit,
}: {
  value: string;
  tasks: TrajectoryFacets["tasks"];
  onCommit: (v: string) => void;
}) {
  const [text, setText] = useState(value);
  const list = useId();
  useEffect(() => setText(value), [value]);
  const commit = (v: string) => v.trim() !== value && onCommit(v.trim());
  return (
    <div className="w-32">
      <input
        type="search"
        aria-label="Task id"
        placeholder="Task id"
        list={list}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          // a pick from the list arrives as one change that matches a task exactly
          if (tasks.some((t) => t.value === e.target.value)) commit(e.target.value);
        }}
        onBlur={() => commit(text)}
        onKeyDown={(e) => e.key === "Enter" && commit(text)}
        className={cn(inputClass, value && "border-accent")}
        data-testid="filter-task"
      />
      <datalist id={list}>
        {tasks.map((t) => (
          <option key={t.value} value={t.value}>
            {t.count} trajectories
          </option>
        ))}
      </datalist>
    </div>
  );
}
