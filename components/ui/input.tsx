import type { ComponentProps, ReactNode } from "react";
import { useId } from "react";
import { cn } from "./cn";

export const inputClass =
  "h-8 w-full rounded-md border border-line-strong bg-raised px-2.5 text-sm text-fg placeholder:text-fg-subtle shadow-xs focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent aria-[invalid=true]:border-danger disabled:opacity-60";

export function Input({ className, ...rest }: ComponentProps<"input">) {
  return <input className={cn(inputClass, className)} {...rest} />;
}

export function Textarea({ className, ...rest }: ComponentProps<"textarea">) {
  return <textarea className={cn(inputClass, "h-auto min-h-20 py-1.5 leading-5", className)} {...rest} />;
}

/**
 * A labelled form field: the label, the control, a hint, and the error that the API or the
 * form gave for this field (announced to screen readers and linked by aria-describedby).
 */
export function Field({
  label,
  hint,
  error,
  children,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-xs font-medium text-fg-muted">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-fg-subtle">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function Checkbox({
  label,
  description,
  className,
  ...rest
}: ComponentProps<"input"> & { label: ReactNode; description?: ReactNode }) {
  return (
    <label className={cn("flex cursor-pointer items-start gap-2 rounded-md px-1 py-1 hover:bg-hover", className)}>
      <input type="checkbox" className="mt-0.5 size-3.5 accent-[var(--accent)]" {...rest} />
      <span className="flex flex-col">
        <span className="text-sm text-fg">{label}</span>
        {description ? <span className="text-xs text-fg-subtle">{description}</span> : null}
      </span>
    </label>
  );
}
