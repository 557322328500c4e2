"use client";
import { forwardRef, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/input";
import { Kbd } from "@/components/ui/kbd";
import { RelativeTime } from "@/components/ui/relative-time";
import { type LabelSchemaView, MAX_TEXT_LABEL } from "@/lib/labeling/schemas";
import { describeOptions } from "./format-value";
import type { LabelForm } from "./use-label-form";

/** The key that chooses a category: its own hotkey, else its position (1-9). */
export const categoryKey = (s: LabelSchemaView, i: number) =>
  s.categories?.[i]?.hotkey ?? (i < 9 ? String(i + 1) : null);

/**
 * One label field. Choices are a radio group that takes one Tab stop (keys 1-9, y/n, or a
 * click choose); number and text fields are plain inputs: Enter saves (Ctrl+Enter in text),
 * Esc leaves the field so that the page's keys work again.
 */
export const LabelField = forwardRef<
  HTMLElement,
  {
    schema: LabelSchemaView;
    form: LabelForm;
    active: boolean;
    onActivate: () => void;
    /** Enter in a number field, Ctrl+Enter in a text field */
    onSubmit?: () => void;
    disabled?: boolean;
    disabledHint?: string;
  }
>(function LabelField({ schema: s, form, active, onActivate, onSubmit, disabled, disabledHint }, ref) {
  const mine = form.current(s);
  const error = form.error(s);
  const id = `field-${s.id}`;
  const leave = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      form.commitDraft(s);
      (e.currentTarget as HTMLElement).closest<HTMLElement>("[data-field]")?.focus();
    }
  };
  const options =
    s.kind === "binary"
      ? [
          { value: true as const, text: "Yes", key: "y" },
          { value: false as const, text: "No", key: "n" },
        ]
      : (s.categories ?? []).map((c, i) => ({ value: c.value, text: c.value, key: categoryKey(s, i) }));
  // the group answers its own keys, so it works outside the labeling screen too; handled here,
  // the page's shortcuts leave the key alone
  const onChoiceKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const at = options.findIndex((o) => o.value === mine?.value);
    const hit =
      e.key === "ArrowRight" || e.key === "ArrowLeft"
        ? options[(at + (e.key === "ArrowRight" ? 1 : options.length - 1 + (at < 0 ? 1 : 0))) % options.length]
        : options.find((o) => o.key === e.key.toLowerCase());
    if (!hit) return;
    e.preventDefault();
    form.choose(s, hit.value);
  };
  return (
    <fieldset
      data-field={s.id}
      aria-label={s.name}
      tabIndex={-1}
      onFocus={onActivate}
      className={cn(
        "flex min-w-0 flex-col gap-1.5 rounded-md border px-3 py-2 outline-none",
        active ? "border-accent bg-selected/40" : "border-line",
      )}
      data-testid="label-field"
      data-active={active || undefined}
    >
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-fg">
          {s.name}
          {s.level === "step" ? (
            <span className="ml-1.5 text-xs font-normal text-fg-subtle">
              {form.stepOf(s) === null ? "per step" : `step #${form.stepOf(s)}`}
            </span>
          ) : null}
        </label>
        {mine ? (
          <span className="flex items-center gap-1.5 text-[11px] text-fg-subtle">
            saved <RelativeTime value={mine.updatedAt} />
            <button
              type="button"
              tabIndex={-1}
              onClick={() => form.remove(s)}
              className="rounded px-1 text-fg-muted hover:bg-hover hover:text-fg"
              title="Clear my label (x)"
            >
              clear
            </button>
          </span>
        ) : null}
      </div>
      {s.description ? <p className="-mt-1 text-xs text-fg-muted">{s.description}</p> : null}
      {disabled ? (
        <p className="text-xs text-fg-subtle">{disabledHint}</p>
      ) : s.kind === "binary" || s.kind === "categorical" ? (
        <div
          id={id}
          ref={ref as React.Ref<HTMLDivElement>}
          role="radiogroup"
          aria-label={s.name}
          tabIndex={0}
          onKeyDown={onChoiceKey}
          className="flex flex-wrap gap-1.5 rounded outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          data-testid="label-choices"
        >
          {options.map((o) => {
            const on = mine?.value === o.value;
            return (
              // biome-ignore lint/a11y/useSemanticElements: a roving radio group: the group takes one Tab stop and keys choose
              <button
                key={String(o.value)}
                type="button"
                role="radio"
                aria-checked={on}
                tabIndex={-1}
                onClick={() => form.choose(s, o.value)}
                className={cn(
                  "inline-flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-sm",
                  on ? "border-accent bg-accent text-accent-fg" : "border-line-strong bg-raised text-fg hover:bg-hover",
                )}
                data-testid="label-choice"
              >
                {o.key ? (
                  <Kbd className={on ? "border-transparent bg-accent-fg/20 text-accent-fg" : undefined}>{o.key}</Kbd>
                ) : null}
                {o.text}
              </button>
            );
          })}
        </div>
      ) : s.kind === "numeric" ? (
        <input
          id={id}
          ref={ref as React.Ref<HTMLInputElement>}
          type="number"
          inputMode="decimal"
          min={s.min ?? undefined}
          max={s.max ?? undefined}
          step={s.step ?? "any"}
          value={form.draft(s) ?? (mine ? String(mine.value) : "")}
          onChange={(e) => form.setDraft(s, e.target.value)}
          onBlur={() => form.commitDraft(s)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              // the submit saves every typed field itself
              if (onSubmit) onSubmit();
              else form.commitDraft(s);
            } else leave(e);
          }}
          placeholder={describeOptions(s)}
          aria-invalid={Boolean(error)}
          className={cn(inputClass, "w-40 tabular-nums")}
          data-testid="label-number"
        />
      ) : (
        <>
          <textarea
            id={id}
            ref={ref as React.Ref<HTMLTextAreaElement>}
            value={form.draft(s) ?? (typeof mine?.value === "string" ? mine.value : "")}
            onChange={(e) => form.setDraft(s, e.target.value)}
            onBlur={() => form.commitDraft(s)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                if (onSubmit) onSubmit();
                else form.commitDraft(s);
              } else leave(e);
            }}
            maxLength={MAX_TEXT_LABEL}
            rows={3}
            aria-invalid={Boolean(error)}
            className={cn(inputClass, "h-auto min-h-16 py-1.5 leading-5")}
            placeholder={onSubmit ? "Ctrl+Enter saves and goes to the next item" : "Ctrl+Enter saves"}
            data-testid="label-text"
          />
          <span className="text-right text-[11px] text-fg-subtle tabular-nums">
            {(form.draft(s) ?? (typeof mine?.value === "string" ? mine.value : "")).length.toLocaleString("en-US")} /{" "}
            {MAX_TEXT_LABEL.toLocaleString("en-US")}
          </span>
        </>
      )}
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
});
