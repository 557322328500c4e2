"use client";
import { useState } from "react";
import { cn } from "./cn";

async function copyText(text: string) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // plain-HTTP hosts (a lab server reached by IP) have no clipboard API
  const ta = document.createElement("textarea");
  ta.value = text;
  ta.style.position = "fixed";
  ta.style.opacity = "0";
  document.body.appendChild(ta);
  ta.select();
  document.execCommand("copy");
  ta.remove();
}

export function CopyButton({
  value,
  label = "Copy",
  className,
  size = "sm",
  testId,
}: {
  value: string;
  label?: string;
  className?: string;
  size?: "xs" | "sm";
  testId?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={async () => {
        try {
          await copyText(value);
          setState("copied");
        } catch {
          setState("failed");
        }
        setTimeout(() => setState("idle"), 1600);
      }}
      aria-label={state === "copied" ? "Copied" : `${label}: ${value.length > 40 ? `${value.slice(0, 40)}…` : value}`}
      title={label}
      className={cn(
        "inline-flex shrink-0 items-center gap-1 rounded-md border border-line-strong bg-raised font-medium text-fg-muted hover:bg-hover hover:text-fg",
        size === "xs" ? "h-5 px-1.5 text-[11px]" : "h-7 px-2 text-xs",
        state === "copied" && "text-success",
        className,
      )}
    >
      <svg
        viewBox="0 0 16 16"
        className="size-3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        aria-hidden="true"
      >
        {state === "copied" ? (
          <path d="M3 8.5l3 3 7-7" strokeLinecap="round" strokeLinejoin="round" />
        ) : (
          <>
            <rect x="5" y="5" width="8.5" height="8.5" rx="1.5" />
            <path d="M3 10.5V3.5A1 1 0 0 1 4 2.5h6.5" strokeLinecap="round" />
          </>
        )}
      </svg>
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}
    </button>
  );
}

/** A value in monospace with a copy button beside it: ids, keys, commands. */
export function CopyField({ value, testId, className }: { value: string; testId?: string; className?: string }) {
  return (
    <div className={cn("flex items-center gap-2 rounded-md border border-line bg-panel py-1 pr-1 pl-2.5", className)}>
      <code
        data-testid={testId}
        className="min-w-0 flex-1 overflow-x-auto text-xs whitespace-nowrap text-fg select-all"
      >
        {value}
      </code>
      <CopyButton value={value} />
    </div>
  );
}
