"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { formatNumber } from "@/components/ui/format";
import { jsonTone } from "@/components/ui/json-view";

// Megabytes of text in a box of fixed height: only the visible lines are in the DOM, so a
// 5 MB tool output opens as fast as a short one. Very long lines are cut into rows.

const ROW_CHARS = 2000;

type Row = { line: number; text: string; cont: boolean };

function toRows(text: string): Row[] {
  const rows: Row[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.length <= ROW_CHARS) rows.push({ line: i + 1, text: l, cont: false });
    else
      for (let k = 0; k < l.length; k += ROW_CHARS)
        rows.push({ line: i + 1, text: l.slice(k, k + ROW_CHARS), cont: k > 0 });
  }
  return rows;
}

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/** Colours one line of pretty-printed JSON (keys, strings, numbers, literals). */
function JsonLine({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    const cls = m[1] ? (m[2] ? jsonTone.key : jsonTone.string) : m[3] ? jsonTone.literal : jsonTone.number;
    parts.push(
      <span key={at} className={cls}>
        {m[1] ?? m[0]}
      </span>,
    );
    if (m[2]) parts.push(m[2]);
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

export function LargeText({
  text,
  json = false,
  height = 420,
  testId,
}: {
  text: string;
  /** the text is pretty-printed JSON: colour it line by line */
  json?: boolean;
  height?: number;
  testId?: string;
}) {
  const rows = useMemo(() => toRows(text), [text]);
  const scroller = useRef<HTMLElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 16,
    overscan: 30,
  });
  const gutter = `${String(rows.at(-1)?.line ?? 1).length + 1}ch`;
  return (
    <div className="rounded-md border border-line bg-panel" data-testid={testId} data-large-text="">
      <div className="flex items-center justify-between border-b border-line px-2 py-1 text-[11px] text-fg-subtle">
        <span>{formatNumber(rows.at(-1)?.line ?? 0)} lines · only the lines in view are drawn</span>
        <CopyButton value={text} label="Copy all" size="xs" />
      </div>
      <section
        ref={scroller}
        className="overflow-auto font-mono text-xs leading-4"
        style={{ height: Math.min(height, rows.length * 16 + 8) }}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the box scrolls with the keyboard
        tabIndex={0}
        aria-label="Output text"
      >
        <div className="relative w-full" style={{ height: v.getTotalSize() }}>
          {v.getVirtualItems().map((item) => {
            const r = rows[item.index];
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={v.measureElement}
                className="absolute top-0 left-0 flex w-full"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span
                  className="shrink-0 pr-2 text-right text-fg-subtle select-none"
                  style={{ width: gutter }}
                  aria-hidden="true"
                >
                  {r.cont ? "↪" : r.line}
                </span>
                <span className={cn("min-w-0 flex-1 pr-2 break-all whitespace-pre-wrap text-fg")}>
                  {json ? <JsonLine text={r.text} /> : r.text || " "}
                </span>
              </div>
            );
          })}
        </div>
      </section>
    </div>
  );
}
