"use client";
import { useMemo, useState } from "react";
import { ErrorText } from "@/components/ui/error-text";
import { formatBytes } from "@/components/ui/format";
import { JsonView, parseJsonStructure } from "@/components/ui/json-view";
import { Skeleton } from "@/components/ui/skeleton";
import { type MessageView, messageViewOf } from "@/lib/trajectories/view-schemas";
import { LargeText } from "./large-text";
import { useFullStep } from "./queries";

// Text of a step (a message, a tool output, reasoning): short text shows as it is; long text
// shows its first lines, its size and an expand. A field the server shortened is fetched whole
// on expand; past PLAIN_MAX characters it opens in the virtualized LargeText.

const PREVIEW_LINES = 12;
const PREVIEW_CHARS = 1200;
const PLAIN_MAX = 20_000;
const JSON_TREE_MAX = 200_000;
const PRETTY_MAX = 2_000_000;

export type StepRef = { projectId: string; trajectoryId: string; index: number };

const textClass = {
  prose: "font-sans text-sm leading-5 text-fg break-words whitespace-pre-wrap",
  mono: "font-mono text-xs leading-5 text-fg break-words whitespace-pre-wrap",
};

const encoder = typeof TextEncoder === "undefined" ? null : new TextEncoder();
const byteLength = (s: string) => encoder?.encode(s).length ?? s.length;

function preview(text: string) {
  let end = 0;
  for (let n = 0; n < PREVIEW_LINES; n++) {
    const nl = text.indexOf("\n", end);
    if (nl < 0) return text.length <= PREVIEW_CHARS ? null : text.slice(0, PREVIEW_CHARS);
    end = nl + 1;
    if (end > PREVIEW_CHARS) return text.slice(0, PREVIEW_CHARS);
  }
  return end < text.length ? text.slice(0, end - 1) : null;
}

export function LongText({
  text,
  truncated,
  stepRef,
  pick,
  json = false,
  mono = false,
  label = "text",
}: {
  text: string;
  /** bytes of the whole field when the server sent it shortened */
  truncated: number | null;
  stepRef?: StepRef;
  /** which field of the whole message this is, for the expand */
  pick?: (m: MessageView) => string;
  /** show JSON as a tree when it parses (tool outputs) */
  json?: boolean;
  /** monospace: tool outputs and arguments rather than prose */
  mono?: boolean;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const className = mono ? textClass.mono : textClass.prose;
  const head = useMemo(() => (truncated !== null ? text.slice(0, PREVIEW_CHARS) : preview(text)), [text, truncated]);
  const needsFetch = open && truncated !== null && !!stepRef && !!pick;
  const full = useFullStep(stepRef?.projectId ?? "", stepRef?.trajectoryId ?? "", stepRef?.index ?? 0, needsFetch);
  const size = truncated ?? (head === null ? 0 : byteLength(text));

  if (head === null) return <Body text={text} json={json} className={className} />;
  const wholeText = truncated === null ? text : full.data && pick ? pick(messageViewOf(full.data.message)) : null;
  return (
    <div className="flex flex-col gap-1.5">
      {open && wholeText !== null ? (
        <Body text={wholeText} json={json} className={className} big />
      ) : (
        <div className="relative max-h-64 overflow-hidden">
          <pre className={className}>{head}</pre>
          <div className="pointer-events-none absolute inset-x-0 bottom-0 h-8 bg-gradient-to-t from-raised" />
        </div>
      )}
      {open && needsFetch && full.isPending ? (
        <div className="flex items-center gap-2 text-xs text-fg-muted" role="status">
          <Skeleton className="h-3 w-24" /> Loading the whole {label} ({formatBytes(size)})…
        </div>
      ) : null}
      <ErrorText
        message={open && full.isError ? `The whole ${label} could not be loaded: ${full.error.message}` : null}
      />
      <div>
        <button
          type="button"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          className="inline-flex h-6 items-center gap-1 rounded-md border border-line bg-panel px-2 text-xs text-fg-muted hover:bg-hover hover:text-fg"
          data-testid="expand-text"
        >
          {open ? `Collapse ${label}` : `Show the whole ${label} · ${formatBytes(size)}`}
        </button>
      </div>
    </div>
  );
}

function Body({ text, json, className, big }: { text: string; json: boolean; className: string; big?: boolean }) {
  const tree = useMemo(
    () => (json && text.length <= JSON_TREE_MAX ? parseJsonStructure(text) : undefined),
    [json, text],
  );
  const pretty = useMemo(() => {
    if (!big || !json || tree !== undefined || text.length > PRETTY_MAX) return null;
    const v = parseJsonStructure(text);
    return v === undefined ? null : JSON.stringify(v, null, 2);
  }, [big, json, tree, text]);
  if (tree !== undefined)
    return (
      <div className={big ? "max-h-[480px] overflow-auto rounded-md border border-line bg-panel py-1" : undefined}>
        <JsonView value={tree} expandDepth={2} />
      </div>
    );
  if (pretty !== null) return <LargeText text={pretty} json testId="large-text" />;
  if (text.length > PLAIN_MAX) return <LargeText text={text} testId="large-text" />;
  return <pre className={className}>{text}</pre>;
}
