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
        <FilterSelect
          label="Tool errors"
          any="Errors: any"
          value={filters.toolErrors}
          onChange={set("toolErrors")}
          testId="filter-tool-errors"
          options={[
            { value: "yes", label: "With errors" },
            { value: "no", label: "Without errors" },
          ]}
        />
        <FilterSelect
          label="Labels"
          any="Labels: any"
          value={filters.labels}
          onChange={set("labels")}
          testId="filter-labels"
          options={[
            { value: "labeled", label: "Labeled" },
            { value: "unlabeled", label: "Not labeled" },
          ]}
        />
        <FilterSelect
          label="Run"
          any="Run: any"
          value={filters.runId}
          onChange={set("runId")}
          testId="filter-run"
          options={[
            ...(runKnown ? [] : [{ value: filters.runId, label: "a run not in this project" }]),
            ...runs.map((r) => ({ value: r.id, label: `${r.name} (${r.count})` })),
          ]}
        />
        <TaskFilter value={filters.task} tasks={facets?.tasks ?? []} onCommit={set("task")} />
        <FilterSelect
          label="Policy"
          any="Policy: any"
          value={filters.policy}
          onChange={set("policy")}
          testId="filter-policy"
          options={withCurrent(
            (facets?.policies ?? []).map((p) => p.value),
            filters.policy,
          ).map((p) => ({ value: p, label: p }))}
        />
        <FilterSelect
          label="Loading strategy"
          any="Strategy: any"
          value={filters.strategy}
          onChange={set("strategy")}
          testId="filter-strategy"
          options={withCurrent(
            (facets?.strategies ?? []).map((v) => v.value),
            filters.strategy,
          ).map((v) => ({ value: v, label: v }))}
        />
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

/** A one-choice filter: "any" first, outlined while set. */
function FilterSelect({
  label,
  any,
  value,
  onChange,
  testId,
  options,
}: {
  label: string;
  any: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  options: { value: string; label: string }[];
}) {
  return (
    <Select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={cn(small, value && "border-accent")}
      data-testid={testId}
    >
      <option value="">{any}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}
