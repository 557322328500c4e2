"use client";
import Link from "next/link";
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from "react";
import { cn } from "./cn";

/**
 * A button that opens a menu: arrow keys move between items, Esc closes and returns focus,
 * a click outside closes.
 */
export function Menu({
  label,
  children,
  align = "start",
  side = "bottom",
  buttonClassName,
  panelClassName,
  ariaLabel,
  testId,
}: {
  label: ReactNode;
  children: (close: () => void) => ReactNode;
  align?: "start" | "end";
  side?: "bottom" | "top";
  buttonClassName?: string;
  panelClassName?: string;
  ariaLabel?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  const close = useCallback((focusButton = true) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const first = panel.current?.querySelector<HTMLElement>(
      "[role=menuitem],[role=menuitemcheckbox],[role=menuitemradio]",
    );
    first?.focus();
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Home" && e.key !== "End") return;
    e.preventDefault();
    const items = [
      ...(panel.current?.querySelectorAll<HTMLElement>(
        "[role=menuitem],[role=menuitemcheckbox],[role=menuitemradio]",
      ) ?? []),
    ];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const n = items.length;
    const next = e.key === "Home" ? 0 : e.key === "End" ? n - 1 : e.key === "ArrowDown" ? (i + 1) % n : (i - 1 + n) % n;
    items[next]?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys and Esc are handled for the whole menu here
    <div ref={root} className="relative" onKeyDown={open ? onKeyDown : undefined}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={ariaLabel}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
        className={buttonClassName}
      >
        {label}
      </button>
      {open ? (
        <div
          ref={panel}
          id={id}
          role="menu"
          className={cn(
            "absolute z-40 min-w-48 rounded-lg border border-line bg-raised p-1 shadow-pop",
            align === "end" ? "right-0" : "left-0",
            side === "top" ? "bottom-full mb-1" : "top-full mt-1",
            panelClassName,
          )}
        >
          {children(() => close())}
        </div>
      ) : null}
    </div>
  );
}

const itemClass =
  "flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-fg hover:bg-hover focus-visible:bg-hover focus-visible:outline-none";

export function MenuItem({
  children,
  onSelect,
  href,
  className,
  testId,
}: {
  children: ReactNode;
  onSelect?: () => void;
  href?: string;
  className?: string;
  testId?: string;
}) {
  if (href)
    return (
      <Link href={href} role="menuitem" className={cn(itemClass, className)} onClick={onSelect} data-testid={testId}>
        {children}
      </Link>
    );
  return (
    <button type="button" role="menuitem" className={cn(itemClass, className)} onClick={onSelect} data-testid={testId}>
      {children}
    </button>
  );
}

export function MenuCheckbox({
  children,
  checked,
  onChange,
}: {
  children: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <button
      type="button"
      role="menuitemcheckbox"
      aria-checked={checked}
      className={itemClass}
      onClick={() => onChange(!checked)}
    >
      <span
        className={cn(
          "flex size-3.5 items-center justify-center rounded-sm border",
          checked ? "border-accent bg-accent text-accent-fg" : "border-line-strong",
        )}
        aria-hidden="true"
      >
        {checked ? (
          <svg
            viewBox="0 0 16 16"
            className="size-3"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.2"
            aria-hidden="true"
          >
            <path d="M3.5 8.5l3 3 6-6.5" />
          </svg>
        ) : null}
      </span>
      {children}
    </button>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return (
    <div className="px-2 pt-1.5 pb-1 text-[11px] font-medium uppercase tracking-wide text-fg-subtle">{children}</div>
  );
}

export function MenuSeparator() {
  return <hr className="my-1 border-line" />;
}
