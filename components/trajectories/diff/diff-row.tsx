"use client";
import { memo, useMemo } from "react";
import { cn } from "@/components/ui/cn";
import { type JsonMark, JsonView, tryParseJson } from "@/components/ui/json-view";
import { type AlignedPair, diffArguments, type PairKind } from "@/lib/trajectories/align";
import type { StepView } from "@/lib/trajectories/view-schemas";
import { roleStyle } from "../viewer/roles";
import { StepHeader } from "../viewer/step-card";
import { StepMessage } from "../viewer/step-message";

export const kindStyle: Record<PairKind, { label: string; rail: string; chip: string }> = {
  same: { label: "same", rail: "border-l-line", chip: "" },
  args: { label: "arguments differ", rail: "border-l-warning", chip: "bg-warning-soft text-warning" },
  tool: { label: "different step", rail: "border-l-danger", chip: "bg-danger-soft text-danger" },
  "a-only": { label: "only in A", rail: "border-l-info", chip: "bg-info-soft text-info" },
  "b-only": { label: "only in B", rail: "border-l-info", chip: "bg-info-soft text-info" },
};

type Side = { step: StepView | null; projectId: string; trajectoryId: string };

/** One aligned row: step of A beside step of B, with argument differences marked per key. */
export const DiffRow = memo(function DiffRow({
  pair,
  a,
  b,
  first,
  selected,
  expanded,
  onToggle,
}: {
  pair: AlignedPair;
  a: Side;
  b: Side;
  first: boolean;
  selected: boolean;
  expanded: boolean;
  onToggle: () => void;
}) {
  const k = kindStyle[pair.kind];
  const marks = useMemo(() => argumentMarks(pair, a.step, b.step), [pair, a.step, b.step]);
  return (
    <div
      className={cn(
        "rounded-md border border-l-[3px] border-line bg-raised",
        k.rail,
        selected && "ring-2 ring-accent",
        first && "shadow-[0_0_0_1px_var(--danger)]",
      )}
      data-pair-kind={pair.kind}
      data-first-divergence={first || undefined}
      data-testid={first ? "first-divergence" : undefined}
    >
      {pair.kind !== "same" || first ? (
        <div className="flex items-center gap-2 border-b border-line px-2 py-0.5 text-[11px]">
          {first ? <span className="font-semibold text-danger">First divergence</span> : null}
          <span className={cn("rounded px-1", k.chip)}>{k.label}</span>
        </div>
      ) : null}
      <div className="grid grid-cols-2 divide-x divide-line">
        <Cell side={a} marks={marks?.a} expanded={expanded} />
        <Cell side={b} marks={marks?.b} expanded={expanded} />
      </div>
      <div className="flex justify-end border-t border-line px-2">
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={expanded}
          className="text-[11px] text-fg-subtle hover:text-fg"
        >
          {expanded ? "Compact" : "Show the whole steps"}
        </button>
      </div>
    </div>
  );
});

function Cell({ side, marks, expanded }: { side: Side; marks?: Record<string, JsonMark>[]; expanded: boolean }) {
  const s = side.step;
  if (!s)
    return (
      <div className="flex min-h-12 items-center justify-center bg-[repeating-linear-gradient(135deg,transparent,transparent_6px,var(--hover)_6px,var(--hover)_12px)] text-xs text-fg-subtle">
        no step here
      </div>
    );
  return (
    <div className="flex min-w-0 flex-col gap-1 px-2 py-1.5">
      <StepHeader step={s} />
      {expanded ? (
        <StepMessage
          step={s}
          stepRef={{ projectId: side.projectId, trajectoryId: side.trajectoryId, index: s.index }}
        />
      ) : (
        <CompactBody step={s} marks={marks} />
      )}
    </div>
  );
}

function CompactBody({ step, marks }: { step: StepView; marks?: Record<string, JsonMark>[] }) {
  const m = step.message;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      {m.content ? (
        <p
          className={cn(
            "line-clamp-3 text-xs break-words whitespace-pre-wrap",
            m.role === "tool" ? "font-mono text-fg-muted" : "text-fg",
          )}
        >
          {m.role === "tool" && m.name ? <span className={roleStyle.tool.text}>← {m.name} </span> : null}
          {m.content}
        </p>
      ) : null}
      {m.toolCalls.map((c, i) => {
        const parsed = tryParseJson(c.arguments || "{}");
        const changed = marks?.[i] && Object.keys(marks[i]).length > 0;
        return (
          <div key={c.id || i} className="min-w-0 rounded border border-line bg-panel px-1.5 py-1">
            <div className="font-mono text-xs font-semibold text-fg" data-testid="diff-tool-name">
              → {c.name}
            </div>
            {parsed.ok && parsed.value !== null && typeof parsed.value === "object" ? (
              <JsonView value={parsed.value} expandDepth={changed ? 2 : 1} marks={marks?.[i]} />
            ) : (
              <pre className="line-clamp-3 font-mono text-xs break-words whitespace-pre-wrap text-fg-muted">
                {c.arguments}
              </pre>
            )}
          </div>
        );
      })}
      {step.error ? <p className="line-clamp-2 text-xs text-danger">Error · {step.error}</p> : null}
    </div>
  );
}

/** Per tool call, the keys to colour on each side: changed on both, removed on A, added on B. */
function argumentMarks(pair: AlignedPair, a: StepView | null, b: StepView | null) {
  if (pair.kind !== "args" || !a || !b) return null;
  const out = { a: [] as Record<string, JsonMark>[], b: [] as Record<string, JsonMark>[] };
  a.message.toolCalls.forEach((c, i) => {
    const other = b.message.toolCalls[i];
    const ma: Record<string, JsonMark> = {};
    const mb: Record<string, JsonMark> = {};
    if (other) {
      const d = diffArguments(c.arguments, other.arguments);
      if (d.parsed)
        for (const k of d.keys) {
          if (k.status === "changed") ma[k.key] = mb[k.key] = "changed";
          if (k.status === "removed") ma[k.key] = "removed";
          if (k.status === "added") mb[k.key] = "added";
        }
    }
    out.a.push(ma);
    out.b.push(mb);
  });
  return out;
}
