"use client";
import { useCallback, useState } from "react";
import { checkLabelValue, type LabelSchemaView, type LabelValue, type LabelView } from "@/lib/labeling/schemas";

export type SaveLabel = (schema: LabelSchemaView, stepIndex: number | null, value: LabelValue) => void;
export type ClearLabel = (label: LabelView) => void;

/**
 * The state of a label form: my labels as saved, drafts of number and text fields that are
 * being typed, and the error of each field. Choices (yes/no, a category) save at once; typed
 * values save on Enter, on leaving the field, or when `flush` is called.
 */
export function useLabelForm({
  schemas,
  mine,
  stepIndex,
  save,
  clear,
}: {
  schemas: LabelSchemaView[];
  mine: LabelView[];
  stepIndex: number | null;
  save: SaveLabel;
  clear: ClearLabel;
}) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const stepOf = useCallback((s: LabelSchemaView) => (s.level === "step" ? stepIndex : null), [stepIndex]);
  const slot = useCallback((s: LabelSchemaView) => `${s.id}:${stepOf(s) ?? ""}`, [stepOf]);
  const current = useCallback(
    (s: LabelSchemaView) => mine.find((l) => l.labelSchemaId === s.id && (l.stepIndex ?? null) === stepOf(s)),
    [mine, stepOf],
  );
  const setError = (key: string, message: string | null) =>
    setErrors((e) => {
      const { [key]: _, ...rest } = e;
      return message ? { ...rest, [key]: message } : rest;
    });
  const dropDraft = (key: string) =>
    setDrafts((d) => {
      const { [key]: _, ...rest } = d;
      return rest;
    });
  /** false when the field cannot take a label now (no step chosen, or the value does not fit) */
  const choose = (s: LabelSchemaView, value: LabelValue) => {
    const key = slot(s);
    if (s.level === "step" && stepIndex === null) {
      setError(key, "Choose a step first: ↑ / ↓, or click a step");
      return false;
    }
    const problem = checkLabelValue(s, value);
    setError(key, problem);
    if (problem) return false;
    const had = current(s);
    if (had?.value !== value) save(s, stepOf(s), value);
    dropDraft(key);
    return true;
  };
  const remove = (s: LabelSchemaView) => {
    const had = current(s);
    dropDraft(slot(s));
    setError(slot(s), null);
    if (had) clear(had);
  };
  /** Saves what was typed into a number or text field; an emptied field removes my label. */
  const commitDraft = (s: LabelSchemaView) => {
    const text = drafts[slot(s)];
    if (text === undefined) return true;
    if (!text.trim()) {
      remove(s);
      return true;
    }
    return choose(s, s.kind === "numeric" ? Number(text) : text);
  };
  return {
    stepOf,
    current,
    draft: (s: LabelSchemaView) => drafts[slot(s)],
    error: (s: LabelSchemaView) => errors[slot(s)],
    setDraft: (s: LabelSchemaView, text: string) => {
      setDrafts((d) => ({ ...d, [slot(s)]: text }));
      setError(slot(s), null);
    },
    choose,
    remove,
    commitDraft,
    /** commits every typed field; false when one of them does not fit */
    flush: () => schemas.map(commitDraft).every(Boolean),
    reset: () => {
      setDrafts({});
      setErrors({});
    },
  };
}

export type LabelForm = ReturnType<typeof useLabelForm>;
