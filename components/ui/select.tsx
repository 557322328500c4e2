import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Select({ className, children, ...rest }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "h-8 rounded-md border border-line-strong bg-raised pl-2 pr-7 text-sm text-fg shadow-xs focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent disabled:opacity-60",
        className,
      )}
      {...rest}
    >
      {children}
    </select>
  );
}
