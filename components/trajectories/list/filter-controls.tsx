"use client";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/components/ui/format";
import { IconChevronDown } from "@/components/ui/icons";
import { inputClass } from "@/components/ui/input";
import { Menu, MenuCheckbox, MenuLabel } from "@/components/ui/menu";
import type { OutcomeFilter, TrajectoryFacets } from "@/lib/trajectories/schemas";
import { outcomeTone } from "./cells";

const toneDot: Record<string, string> = {
  success: "bg-success",
  warning: "bg-warning",
  danger: "bg-danger",
  info: "bg-info",
  neutral: "bg-fg-subtle",
};

/** Toggle chips, one per outcome, with how many trajectories of the project have it. */
export function OutcomeChips({
  selected,
  counts,
  onChange,
}: {
  selected: string[];
  counts: TrajectoryFacets["outcomes"] | undefined;
  onChange: (next: string[]) => void;
}) {
  const all: OutcomeFilter[] = ["pass", "partial", "fail", "error", "none"];
  return (
    <fieldset className="flex items-center gap-1" aria-label="Outcome">
      {all.map((o) => {
        const on = selected.includes(o);
        const n = counts?.find((c) => c.value === o)?.count;
        return (
          <button
            key={o}
            type="button"
            aria-pressed={on}
            data-testid={`outcome-chip-${o}`}
            onClick={() => onChange(on ? selected.filter((x) => x !== o) : [...selected, o])}
            title={o === "none" ? "Trajectories without an outcome" : `Outcome ${o}`}
            className={cn(
              "inline-flex h-8 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium",
              on
                ? "border-accent bg-accent-soft text-fg"
                : "border-line-strong bg-raised text-fg-muted hover:bg-hover hover:text-fg",
            )}
          >
            <span className={cn("size-1.5 rounded-full", toneDot[outcomeTone[o]])} aria-hidden="true" />
            {o}
            {n !== undefined ? <span className="tabular-nums text-fg-subtle">{formatNumber(n)}</span> : null}
          </button>
        );
      })}
    </fieldset>
  );
}

/** Two bounds, written when a box is left or Enter is pressed; a minimum above the maximum is said, not sent. */
export function RewardRange({
  min,
  max,
  error,
  onChange,
}: {
  min: string;
  max: string;
  error?: string | null;
  onChange: (min: string, max: string) => void;
}) {
  const [lo, setLo] = useState(min);
  const [hi, setHi] = useState(max);
  useEffect(() => setLo(min), [min]);
  useEffect(() => setHi(max), [max]);
  const bad = lo !== "" && hi !== "" && Number(lo) > Number(hi);
  const message = bad ? "Minimum is above maximum" : error;
  const commit = () => {
    if (!bad && (lo !== min || hi !== max)) onChange(lo, hi);
  };
  const box = (label: string, value: string, set: (v: string) => void, testId: string) => (
    <input
      type="number"
      step="any"
      inputMode="decimal"
      aria-label={label}
      aria-invalid={Boolean(message)}
      placeholder={label.endsWith("minimum") ? "min" : "max"}
      value={value}
      onChange={(e) => set(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === "Enter" && commit()}
      data-testid={testId}
      className={cn(inputClass, "tabular-nums")}
    />
  );
  return (
    <div className="flex items-center gap-1.5">
      <span className="text-sm text-fg-muted">Reward</span>
      <div className="w-16">{box("Reward minimum", lo, setLo, "reward-min")}</div>
      <span className="text-xs text-fg-subtle">–</span>
      <div className="w-16">{box("Reward maximum", hi, setHi, "reward-max")}</div>
      {message ? (
        <span role="alert" className="text-xs text-danger">
          {message}
        </span>
      ) : null}
    </div>
  );
}

const pickerButton =
  "inline-flex h-8 max-w-56 items-center gap-1.5 rounded-md border border-line-strong bg-raised px-2.5 text-sm text-fg-muted shadow-xs hover:bg-hover hover:text-fg";

/** Tools that every matching trajectory must have called, chosen from the most used ones. */
export function ToolPicker({
  selected,
  tools,
  onChange,
}: {
  selected: string[];
  tools: TrajectoryFacets["tools"] | undefined;
  onChange: (next: string[]) => void;
}) {
  const [find, setFind] = useState("");
  const shown = (tools ?? []).filter((t) => t.value.toLowerCase().includes(find.toLowerCase())).slice(0, 60);
  // a tool from a shared link may be past the top list: it still shows, and can be unticked
  const extra = selected.filter((s) => !tools?.some((t) => t.value === s));
  return (
    <Menu
      testId="tool-picker"
      ariaLabel="Filter by tools used"
      buttonClassName={cn(pickerButton, selected.length > 0 && "border-accent text-fg")}
      panelClassName="w-72"
      label={
        <>
          <span className="truncate">{selected.length ? `Tools: ${selected.join(", ")}` : "Tools used"}</span>
          <IconChevronDown className="size-3 shrink-0" />
        </>
      }
    >
      {() => (
        <>
          <MenuLabel>Trajectories that called every tool ticked</MenuLabel>
          <input
            type="search"
            aria-label="Find a tool"
            placeholder="Find a tool…"
            value={find}
            onChange={(e) => setFind(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && shown[0] && !selected.includes(shown[0].value))
                onChange([...selected, shown[0].value]);
            }}
            className={cn(inputClass, "mb-1")}
            data-testid="tool-picker-find"
          />
          <div className="max-h-72 overflow-y-auto">
            {[...extra.map((value) => ({ value, count: null as number | null })), ...shown].map((t) => (
              <MenuCheckbox
                key={t.value}
                checked={selected.includes(t.value)}
                onChange={(on) => onChange(on ? [...selected, t.value] : selected.filter((s) => s !== t.value))}
              >
                <span className="flex min-w-0 flex-1 items-center justify-between gap-2">
                  <span className="truncate font-mono text-xs">{t.value}</span>
                  {t.count !== null ? (
                    <span className="text-xs tabular-nums text-fg-subtle">{formatNumber(t.count)}</span>
                  ) : null}
                </span>
              </MenuCheckbox>
            ))}
            {!shown.length && !extra.length ? (
              <p className="px-2 py-1.5 text-xs text-fg-muted">
                {tools?.length ? "No tool by that name among the most used." : "No tool calls in this project yet."}
              </p>
            ) : null}
          </div>
        </>
      )}
    </Menu>
  );
}
