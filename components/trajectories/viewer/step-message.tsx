"use client";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { formatBytes } from "@/components/ui/format";
import { IconChevronRight } from "@/components/ui/icons";
import { JsonView, tryParseJson } from "@/components/ui/json-view";
import type { ProgramCallView, StepView, ToolCallView } from "@/lib/trajectories/view-schemas";
import { LongText, type StepRef } from "./long-text";

/**
 * The body of one step: reasoning, text, tool calls with their arguments, a tool's output,
 * the error, and tools loaded or unloaded. Reusable wherever a step is read (the viewer, the
 * diff, a labeling screen); `stepRef` lets shortened fields load whole on expand.
 */
export function StepMessage({
  step,
  stepRef,
  unloadedCalls,
  className,
}: {
  step: StepView;
  stepRef?: StepRef;
  /** names of tools this step called while they were not loaded */
  unloadedCalls?: string[];
  className?: string;
}) {
  const m = step.message;
  const empty = !m.content && !m.toolCalls.length && !m.reasoning;
  return (
    <div className={cn("flex min-w-0 flex-col gap-2", className)}>
      {m.reasoning ? <Reasoning step={step} stepRef={stepRef} /> : null}
      {m.role === "tool" ? (
        <ToolOutput step={step} stepRef={stepRef} />
      ) : m.content ? (
        <LongText
          text={m.content}
          truncated={m.truncated.content}
          stepRef={stepRef}
          pick={(w) => w.content}
          label="message"
        />
      ) : null}
      {m.toolCalls.map((c, k) => (
        <ToolCallBlock
          key={c.id || k}
          call={c}
          notLoaded={unloadedCalls?.includes(c.name) ?? false}
          stepRef={stepRef}
          pick={(w) => w.toolCalls[k]?.arguments ?? ""}
        />
      ))}
      {empty && m.role !== "tool" ? <p className="text-xs text-fg-subtle italic">No content</p> : null}
      {step.error ? (
        <div
          className="rounded-md border border-danger/40 bg-danger-soft px-2.5 py-1.5 text-xs text-danger"
          role="note"
          data-testid="step-error"
        >
          <span className="font-semibold">Error · </span>
          <span className="break-words whitespace-pre-wrap">{step.error}</span>
        </div>
      ) : null}
      {step.toolsLoaded.length || step.toolsUnloaded.length ? (
        <div className="flex flex-wrap items-center gap-1 text-xs">
          {step.toolsLoaded.map((t) => (
            <Badge key={`+${t}`} tone="success" className="font-mono">
              + {t}
            </Badge>
          ))}
          {step.toolsUnloaded.map((t) => (
            <Badge key={`-${t}`} className="font-mono">
              − {t}
            </Badge>
          ))}
          <span className="text-fg-subtle">
            {step.toolsLoaded.length ? "loaded" : ""}
            {step.toolsLoaded.length && step.toolsUnloaded.length ? " / " : ""}
            {step.toolsUnloaded.length ? "unloaded" : ""} at this step
          </span>
        </div>
      ) : null}
    </div>
  );
}

function Reasoning({ step, stepRef }: { step: StepView; stepRef?: StepRef }) {
  const [open, setOpen] = useState(false);
  const m = step.message;
  return (
    <div className="rounded-md border border-dashed border-line-strong px-2 py-1">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        className="flex items-center gap-1 text-xs text-fg-muted hover:text-fg"
      >
        <IconChevronRight className={cn("size-3 transition-transform", open && "rotate-90")} />
        Reasoning
        <span className="text-fg-subtle">· {formatBytes(m.truncated.reasoning ?? (m.reasoning ?? "").length)}</span>
      </button>
      {open ? (
        <div className="mt-1 text-fg-muted">
          <LongText
            text={m.reasoning ?? ""}
            truncated={m.truncated.reasoning}
            stepRef={stepRef}
            pick={(w) => w.reasoning ?? ""}
            label="reasoning"
          />
        </div>
      ) : null}
    </div>
  );
}

function ToolOutput({ step, stepRef }: { step: StepView; stepRef?: StepRef }) {
  const m = step.message;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex items-center gap-1.5 text-xs text-fg-muted">
        <span aria-hidden="true">←</span>
        <span className="font-mono font-medium text-fg">{m.name ?? "tool"}</span>
        {m.toolCallId ? <span className="font-mono text-fg-subtle">{m.toolCallId}</span> : null}
      </div>
      {m.content ? (
        <LongText
          text={m.content}
          truncated={m.truncated.content}
          stepRef={stepRef}
          pick={(w) => w.content}
          json
          mono
          label="output"
        />
      ) : (
        <p className="text-xs text-fg-subtle italic">Empty output</p>
      )}
      {m.programCalls.length ? <ProgramCalls calls={m.programCalls} /> : null}
    </div>
  );
}

/** The tools a run_program called from its sandbox: not model turns, but tool calls all the same. */
function ProgramCalls({ calls }: { calls: ProgramCallView[] }) {
  return (
    <div className="min-w-0 rounded-md border border-line bg-panel" data-testid="program-calls">
      <div className="border-b border-line px-2 py-1 text-xs text-fg-muted">
        The program called {calls.length} tool{calls.length === 1 ? "" : "s"}
      </div>
      <ol className="flex flex-col gap-0.5 px-2 py-1.5">
        {calls.map((c, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: calls are a fixed, ordered record
            key={i}
            className="flex min-w-0 items-baseline gap-1.5 font-mono text-xs"
            data-testid="program-call"
          >
            <span className="text-fg-subtle tabular-nums">{i + 1}.</span>
            <span className="font-semibold text-fg">{c.name}</span>
            <span className="min-w-0 truncate text-fg-muted" title={c.arguments}>
              {c.arguments}
            </span>
            {c.ok ? null : (
              <span title={c.error ?? undefined} className="shrink-0">
                <Badge tone="danger" className="h-4 text-[11px]">
                  failed{c.error ? `: ${c.error.slice(0, 80)}` : ""}
                </Badge>
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ToolCallBlock({
  call,
  notLoaded,
  stepRef,
  pick,
}: {
  call: ToolCallView;
  notLoaded?: boolean;
  stepRef?: StepRef;
  pick?: Parameters<typeof LongText>[0]["pick"];
}) {
  const parsed = useMemo(() => (call.truncated === null ? tryParseJson(call.arguments || "{}") : null), [call]);
  return (
    <div className="min-w-0 rounded-md border border-line bg-panel" data-testid="tool-call">
      <div className="flex flex-wrap items-center gap-1.5 border-b border-line px-2 py-1">
        <span className="text-xs text-fg-subtle" aria-hidden="true">
          →
        </span>
        <span className="font-mono text-xs font-semibold text-fg" data-testid="tool-call-name">
          {call.name}
        </span>
        {call.id ? <span className="font-mono text-[11px] text-fg-subtle">{call.id}</span> : null}
        {notLoaded ? (
          <Badge tone="warning" className="h-4 text-[11px]">
            not loaded
          </Badge>
        ) : null}
        {parsed && !parsed.ok ? (
          <Badge tone="warning" className="h-4 text-[11px]">
            arguments are not valid JSON
          </Badge>
        ) : null}
        <CopyButton value={call.arguments} label="Copy" size="xs" className="ml-auto" />
      </div>
      <div className="px-2 py-1.5">
        {call.truncated !== null ? (
          <LongText
            text={call.arguments}
            truncated={call.truncated}
            stepRef={stepRef}
            pick={pick}
            mono
            label="arguments"
          />
        ) : parsed?.ok && parsed.value !== null && typeof parsed.value === "object" ? (
          <JsonView value={parsed.value} expandDepth={3} />
        ) : (
          <>
            {parsed && !parsed.ok ? (
              <p className="mb-1 text-[11px] text-warning">{parsed.error}; shown as written:</p>
            ) : null}
            <pre className="font-mono text-xs break-words whitespace-pre-wrap text-fg">
              {call.arguments || "(none)"}
            </pre>
          </>
        )}
      </div>
    </div>
  );
}
