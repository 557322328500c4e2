"use client";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { formatAbsolute } from "@/components/ui/format";
import { SkeletonBlock } from "@/components/ui/skeleton";
import type { JobLogView } from "@/lib/jobs/schemas";

const levelClass: Record<string, string> = {
  error: "text-danger",
  warn: "text-warning",
  warning: "text-warning",
  debug: "text-fg-subtle",
};

/** The live log tail: follows new lines unless you have scrolled up to read. */
export function JobLog({ lines, loading }: { lines: JobLogView[] | undefined; loading: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const count = lines?.length ?? 0;
  useEffect(() => {
    if (follow && count && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [count, follow]);
  if (loading) return <SkeletonBlock lines={4} className="p-4" />;
  return (
    <div className="relative">
      <div
        ref={box}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls, so keyboard users must be able to focus it
        tabIndex={0}
        role="log"
        aria-label="Job log"
        aria-live="polite"
        data-testid="job-log"
        onScroll={(e) => {
          const el = e.currentTarget;
          setFollow(el.scrollHeight - el.scrollTop - el.clientHeight < 24);
        }}
        className="max-h-96 min-h-32 overflow-auto bg-panel px-4 py-3 font-mono text-xs leading-5"
      >
        {count === 0 ? (
          <p className="text-fg-subtle">No log lines yet. Lines appear here as workers report them.</p>
        ) : (
          lines?.map((l) => (
            <div key={l.id} className="flex gap-3 whitespace-pre-wrap">
              <time
                dateTime={l.at}
                title={formatAbsolute(new Date(l.at))}
                className="shrink-0 text-fg-subtle tabular-nums"
              >
                {new Date(l.at).toLocaleTimeString("en-GB", { hour12: false })}
              </time>
              <span className={cn("w-10 shrink-0 uppercase", levelClass[l.level] ?? "text-fg-subtle")}>{l.level}</span>
              <span
                className={cn("min-w-0 break-words", levelClass[l.level] === "text-danger" ? "text-danger" : "text-fg")}
              >
                {l.message}
              </span>
            </div>
          ))
        )}
      </div>
      {!follow ? (
        <button
          type="button"
          onClick={() => setFollow(true)}
          className="absolute right-3 bottom-3 rounded-md border border-line bg-raised px-2 py-1 text-xs text-fg-muted shadow-pop hover:text-fg"
        >
          Follow new lines ↓
        </button>
      ) : null}
    </div>
  );
}
