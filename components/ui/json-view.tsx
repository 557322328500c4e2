"use client";
import { createContext, type ReactNode, useContext, useState } from "react";
import { cn } from "./cn";
import { IconChevronRight } from "./icons";

// Pretty JSON with syntax colour and folding. Large values stay cheap: nodes below
// `expandDepth` start folded, long arrays and objects show their first entries with a
// "show more", long strings their first characters.

export type JsonMark = "changed" | "added" | "removed";

type Options = { expandDepth: number; marks?: Record<string, JsonMark> };
const OptionsContext = createContext<Options>({ expandDepth: 2 });

const PAGE = 100;
const STRING_PREVIEW = 400;

const markClass: Record<JsonMark, string> = {
  changed: "bg-warning-soft",
  added: "bg-success-soft",
  removed: "bg-danger-soft line-through decoration-danger/60",
};

export const jsonTone = {
  key: "text-accent",
  string: "text-success",
  number: "text-info",
  literal: "text-warning",
  punct: "text-fg-subtle",
};

/**
 * `marks` colours entries by path ("city", "filters.0.name"): changed, added or removed,
 * as the diff view uses it.
 */
export function JsonView({
  value,
  expandDepth = 2,
  marks,
  className,
  testId,
}: {
  value: unknown;
  expandDepth?: number;
  marks?: Record<string, JsonMark>;
  className?: string;
  testId?: string;
}) {
  return (
    <OptionsContext.Provider value={{ expandDepth, marks }}>
      <div
        className={cn("overflow-x-auto pl-4 font-mono text-xs leading-5 text-fg", className)}
        data-testid={testId}
        data-json-view=""
      >
        <Node value={value} depth={0} path="" />
      </div>
    </OptionsContext.Provider>
  );
}

function Node({ value, depth, path, label, last = true }: NodeProps) {
  const { marks } = useContext(OptionsContext);
  const mark = path ? marks?.[path] : undefined;
  const comma = last ? null : <span className={jsonTone.punct}>,</span>;
  if (value !== null && typeof value === "object")
    return <Branch value={value as object} depth={depth} path={path} label={label} comma={comma} mark={mark} />;
  return (
    <div className={cn("pl-4", mark && markClass[mark])}>
      {label}
      <Leaf value={value} />
      {comma}
    </div>
  );
}

type NodeProps = { value: unknown; depth: number; path: string; label?: ReactNode; last?: boolean };

function Branch({
  value,
  depth,
  path,
  label,
  comma,
  mark,
}: {
  value: object;
  depth: number;
  path: string;
  label?: ReactNode;
  comma: ReactNode;
  mark?: JsonMark;
}) {
  const { expandDepth } = useContext(OptionsContext);
  const isArray = Array.isArray(value);
  const entries = isArray ? (value as unknown[]).map((v, i) => [String(i), v] as const) : Object.entries(value);
  const [open, setOpen] = useState(depth < expandDepth);
  const [shown, setShown] = useState(PAGE);
  const [o, c] = isArray ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0)
    return (
      <div className={cn("pl-4", mark && markClass[mark])}>
        {label}
        <span className={jsonTone.punct}>
          {o}
          {c}
        </span>
        {comma}
      </div>
    );
  const count = `${entries.length} ${isArray ? (entries.length === 1 ? "item" : "items") : entries.length === 1 ? "key" : "keys"}`;
  return (
    <div className={cn(depth > 0 && "pl-4", mark && markClass[mark])}>
      <div className="-ml-4 flex items-start">
        <button
          type="button"
          onClick={() => setOpen((v) => !v)}
          aria-expanded={open}
          aria-label={open ? `Fold ${count}` : `Unfold ${count}`}
          className="mt-0.5 inline-flex size-4 shrink-0 items-center justify-center rounded text-fg-subtle hover:bg-hover hover:text-fg"
        >
          <IconChevronRight className={cn("size-3 transition-transform", open && "rotate-90")} />
        </button>
        <span>
          {label}
          <span className={jsonTone.punct}>{o}</span>
          {open ? null : (
            <button
              type="button"
              onClick={() => setOpen(true)}
              className="mx-1 rounded bg-hover px-1 text-[11px] text-fg-muted hover:text-fg"
            >
              {count}
            </button>
          )}
          {open ? null : (
            <>
              <span className={jsonTone.punct}>{c}</span>
              {comma}
            </>
          )}
        </span>
      </div>
      {open ? (
        <>
          {entries.slice(0, shown).map(([k, v], i) => (
            <Node
              key={k}
              value={v}
              depth={depth + 1}
              path={path ? `${path}.${k}` : k}
              last={i === entries.length - 1}
              label={
                isArray ? null : (
                  <>
                    <span className={jsonTone.key}>{JSON.stringify(k)}</span>
                    <span className={jsonTone.punct}>: </span>
                  </>
                )
              }
            />
          ))}
          {entries.length > shown ? (
            <div className="pl-4">
              <button
                type="button"
                onClick={() => setShown((n) => n + PAGE * 5)}
                className="rounded px-1 text-[11px] text-accent hover:bg-hover"
              >
                Show {Math.min(PAGE * 5, entries.length - shown)} more of {entries.length - shown}
              </button>
            </div>
          ) : null}
          <div>
            <span className={jsonTone.punct}>{c}</span>
            {comma}
          </div>
        </>
      ) : null}
    </div>
  );
}

function Leaf({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  if (typeof value === "string") {
    const long = value.length > STRING_PREVIEW && !full;
    const text = JSON.stringify(long ? value.slice(0, STRING_PREVIEW) : value);
    return (
      <span className={cn(jsonTone.string, "break-words whitespace-pre-wrap")}>
        {long ? text.slice(0, -1) : text}
        {long ? (
          <button
            type="button"
            onClick={() => setFull(true)}
            className="mx-1 rounded bg-hover px-1 text-[11px] text-fg-muted hover:text-fg"
          >
            … {(value.length - STRING_PREVIEW).toLocaleString("en-US")} more characters
          </button>
        ) : null}
        {long ? '"' : null}
      </span>
    );
  }
  if (typeof value === "number") return <span className={jsonTone.number}>{String(value)}</span>;
  if (typeof value === "boolean" || value === null) return <span className={jsonTone.literal}>{String(value)}</span>;
  return <span className={jsonTone.punct}>{String(value)}</span>;
}

/** JSON.parse that says whether it worked: tool arguments and outputs are often not JSON. */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** Text worth showing as JSON: an object or array, not a bare number or string. */
export function parseJsonStructure(text: string): unknown | undefined {
  const t = text.trimStart();
  if (!(t.startsWith("{") || t.startsWith("["))) return undefined;
  const r = tryParseJson(text);
  return r.ok && r.value !== null && typeof r.value === "object" ? r.value : undefined;
}
