import type { ReactNode } from "react";
import { cn } from "./cn";

export function Kbd({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <kbd
      className={cn(
        "inline-flex h-5 min-w-5 items-center justify-center rounded border border-line-strong bg-panel px-1 font-mono text-[11px] font-medium text-fg-muted shadow-[inset_0_-1px_0_var(--line-strong)]",
        className,
      )}
    >
      {children}
    </kbd>
  );
}
