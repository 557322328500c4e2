"use client";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { cn } from "./cn";

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Esc closes it, and
 * the rest of the page is inert while it is open. Content mounts only while open, so each
 * opening starts from a fresh form.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = "md",
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  /** xl: dialogs that show tables (an import's preview and field mapping) */
  size?: "sm" | "md" | "lg" | "xl";
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!open) {
      if (d.open) d.close();
      return;
    }
    // Opened in the next frame, not inside React's commit: showModal moves focus, and focus
    // events during a hydration that a click forced made React re-render in a loop.
    const frame = requestAnimationFrame(() => {
      if (!d.open) d.showModal();
    });
    return () => cancelAnimationFrame(frame);
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={() => open && onClose()}
      onMouseDown={(e) => {
        // a press on the backdrop (the dialog element itself, outside its panel) closes it
        if (e.target === ref.current) onClose();
      }}
      className={cn(
        "m-auto w-[calc(100%-2rem)] rounded-lg border border-line bg-raised p-0 text-fg shadow-pop",
        size === "sm" ? "max-w-sm" : size === "lg" ? "max-w-2xl" : size === "xl" ? "max-w-4xl" : "max-w-lg",
      )}
    >
      {open ? (
        <div className="flex max-h-[85vh] flex-col">
          <header className="flex items-start justify-between gap-4 border-b border-line px-5 py-3.5">
            <div>
              <h2 id={titleId} className="text-base font-semibold">
                {title}
              </h2>
              {description ? <p className="mt-0.5 text-sm text-fg-muted">{description}</p> : null}
            </div>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close dialog"
              className="-mr-1 rounded p-1 text-fg-subtle hover:bg-hover hover:text-fg"
            >
              <svg
                viewBox="0 0 16 16"
                className="size-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
                aria-hidden="true"
              >
                <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />
              </svg>
            </button>
          </header>
          <div className="overflow-y-auto px-5 py-4">{children}</div>
          {footer ? (
            <footer className="flex items-center justify-end gap-2 border-t border-line bg-panel px-5 py-3 rounded-b-lg">
              {footer}
            </footer>
          ) : null}
        </div>
      ) : null}
    </dialog>
  );
}
