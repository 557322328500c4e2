"use client";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/components/ui/format";
import { Kbd } from "@/components/ui/kbd";
import { Select } from "@/components/ui/select";

export const speeds = [1, 2, 4, 8, 16, 32] as const;

function Ctl({
  label,
  keys,
  onClick,
  disabled,
  children,
  testId,
}: {
  label: string;
  keys: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={`${label} (${keys})`}
      data-testid={testId}
      className="inline-flex size-7 items-center justify-center rounded-md text-fg-muted hover:bg-hover hover:text-fg disabled:opacity-40"
    >
      {children}
    </button>
  );
}

const path = (d: string) => (
  <svg viewBox="0 0 16 16" className="size-3.5" fill="currentColor" aria-hidden="true">
    <path d={d} />
  </svg>
);

/** Play, pause, step, first/last, scrub and speed; the step counter says where the cursor is. */
export function ReplayBar({
  cursor,
  count,
  playing,
  speed,
  onCursor,
  onPlaying,
  onSpeed,
}: {
  cursor: number;
  count: number;
  playing: boolean;
  speed: number;
  onCursor: (i: number) => void;
  onPlaying: (p: boolean) => void;
  onSpeed: (s: number) => void;
}) {
  const last = count - 1;
  return (
    <div className="flex w-full items-center gap-x-2" data-testid="replay-bar">
      <div className="flex items-center">
        <Ctl label="First step" keys="Home" onClick={() => onCursor(0)} disabled={cursor === 0}>
          {path("M3 3h2v10H3zM13 3v10L6 8z")}
        </Ctl>
        <Ctl label="Previous step" keys="← or k" onClick={() => onCursor(cursor - 1)} disabled={cursor === 0}>
          {path("M11 3v10L4 8z")}
        </Ctl>
        <Ctl label={playing ? "Pause" : "Play"} keys="Space" onClick={() => onPlaying(!playing)} testId="replay-play">
          {playing ? path("M4 3h3v10H4zM9 3h3v10H9z") : path("M4 2.5v11L13 8z")}
        </Ctl>
        <Ctl label="Next step" keys="→ or j" onClick={() => onCursor(cursor + 1)} disabled={cursor >= last}>
          {path("M5 3v10l7-5z")}
        </Ctl>
        <Ctl label="Last step" keys="End" onClick={() => onCursor(last)} disabled={cursor >= last}>
          {path("M11 3h2v10h-2zM3 3v10l7-5z")}
        </Ctl>
      </div>
      <input
        type="range"
        min={0}
        max={Math.max(0, last)}
        value={cursor}
        onChange={(e) => onCursor(Number(e.target.value))}
        aria-label="Replay position"
        className="h-1.5 min-w-12 flex-1 cursor-pointer accent-[var(--accent)]"
        data-testid="replay-slider"
      />
      <span
        className={cn(
          "shrink-0 text-right text-xs whitespace-nowrap tabular-nums",
          playing ? "text-accent" : "text-fg-muted",
        )}
        data-testid="step-counter"
        aria-live="polite"
      >
        Step <span className="font-semibold text-fg">#{formatNumber(cursor)}</span> of {formatNumber(count)}
      </span>
      <Select
        value={speed}
        onChange={(e) => onSpeed(Number(e.target.value))}
        className="h-7 w-16 shrink-0 text-xs"
        title="Replay speed, in steps a second"
        aria-label="Replay speed, in steps a second"
      >
        {speeds.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </Select>
      <span className="hidden items-center gap-1 text-[11px] text-fg-subtle 2xl:flex">
        <Kbd>Space</Kbd> play <Kbd>←</Kbd>
        <Kbd>→</Kbd> step <Kbd>?</Kbd> all keys
      </span>
    </div>
  );
}
