"use client";
import { useSyncExternalStore } from "react";
import { formatAbsolute, formatRelative } from "./format";

// One shared 30 s ticker for every timestamp on the page.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(fn: () => void) {
  listeners.add(fn);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, 30_000);
  return () => {
    listeners.delete(fn);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** "3 min ago", with the absolute time on hover (and for screen readers via dateTime). */
export function RelativeTime({ value, className }: { value: string | Date | null | undefined; className?: string }) {
  // re-renders on the shared tick; the text is computed from the real clock
  useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
  if (!value) return <span className={className}>—</span>;
  const d = typeof value === "string" ? new Date(value) : value;
  return (
    <time dateTime={d.toISOString()} title={formatAbsolute(d)} className={className} suppressHydrationWarning>
      {formatRelative(d, Date.now())}
    </time>
  );
}
