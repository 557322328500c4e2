"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, api, projectPath } from "@/components/api/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Field, Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import {
  type LabelKind,
  type LabelSchemaView,
  labelKinds,
  labelSchemaView,
  reservedHotkeys,
} from "@/lib/labeling/schemas";
import { kindText } from "./format-value";
import { labelingKeys } from "./queries";

type Draft = {
  name: string;
  description: string;
  kind: LabelKind;
  level: "trajectory" | "step";
  categories: { value: string; hotkey: string }[];
  min: string;
  max: string;
  step: string;
  rubricId: string;
  criterionId: string;
};

const fromSchema = (s: LabelSchemaView | null): Draft => ({
  name: s?.name ?? "",
  description: s?.description ?? "",
  kind: s?.kind ?? "categorical",
  level: s?.level ?? "trajectory",
  categories: s?.categories?.map((c) => ({ value: c.value, hotkey: c.hotkey ?? "" })) ?? [
    { value: "", hotkey: "" },
    { value: "", hotkey: "" },
  ],
  min: s?.min?.toString() ?? "",
  max: s?.max?.toString() ?? "",
  step: s?.step?.toString() ?? "",
  rubricId: s?.rubricId ?? "",
  criterionId: s?.criterionId ?? "",
});

const num = (s: string) => (s.trim() === "" ? null : Number(s));

function toBody(d: Draft) {
  return {
    name: d.name,
    description: d.description,
    kind: d.kind,
    level: d.level,
    categories:
      d.kind === "categorical"
        ? d.categories
            .filter((c) => c.value.trim())
            .map((c) => ({ value: c.value, ...(c.hotkey ? { hotkey: c.hotkey } : {}) }))
        : null,
    min: d.kind === "numeric" ? num(d.min) : null,
    max: d.kind === "numeric" ? num(d.max) : null,
    step: d.kind === "numeric" ? num(d.step) : null,
    rubricId: d.rubricId.trim() || null,
    criterionId: d.criterionId.trim() || null,
  };
}

/** The message for `field` or any of its sub-fields (categories.2.hotkey belongs to categories). */
const errorFor = (e: unknown, field: string) =>
  e instanceof ApiError && e.field && (e.field === field || e.field.startsWith(`${field}.`)) ? e.message : null;
const FIELDS = ["name", "description", "kind", "level", "categories", "min", "max", "step", "rubricId", "criterionId"];

/** Create a label schema, or edit one (`schema` given). */
export function LabelSchemaDialog({
  projectId,
  open,
  schema,
  onClose,
}: {
  projectId: string;
  open: boolean;
  schema: LabelSchemaView | null;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={schema ? `Edit ${schema.name}` : "New label schema"}
      description="What people judge: a yes/no, one of a few categories, a number in a range, or free text; per trajectory or per step."
      testId="label-schema-dialog"
    >
      {open ? <SchemaForm projectId={projectId} schema={schema} onDone={onClose} /> : null}
    </Dialog>
  );
}

function SchemaForm({
  projectId,
  schema,
  onDone,
}: {
  projectId: string;
  schema: LabelSchemaView | null;
  onDone: () => void;
}) {
  const [d, setD] = useState<Draft>(() => fromSchema(schema));
  const qc = useQueryClient();
  const toast = useToast();
  const save = useMutation({
    mutationFn: () =>
      api(
        projectPath(projectId, schema ? `/label-schemas/${schema.id}` : "/label-schemas"),
        { method: schema ? "PATCH" : "POST", body: toBody(d) },
        labelSchemaView,
      ),
    onSuccess: (s) => {
      toast({ title: schema ? `Saved ${s.name}` : `Created the label schema ${s.name}` });
      qc.invalidateQueries({ queryKey: labelingKeys.all(projectId) });
      onDone();
    },
  });
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const locked = Boolean(schema && schema.labelCount > 0);
  const setCat = (i: number, patch: Partial<Draft["categories"][number]>) =>
    set({ categories: d.categories.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const otherError =
    save.error && !(save.error instanceof ApiError && save.error.field && FIELDS.some((f) => errorFor(save.error, f)))
      ? save.error.message
      : null;

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field label="Name" error={errorFor(save.error, "name")}>
        {(p) => (
          <Input
            {...p}
            value={d.name}
            onChange={(e) => set({ name: e.target.value })}
            placeholder="Final answer correct?"
            autoFocus
            data-testid="schema-name"
          />
        )}
      </Field>
      <Field label="Description" hint="Shown to labelers next to the field" error={errorFor(save.error, "description")}>
        {(p) => (
          <Textarea
            {...p}
            value={d.description}
            onChange={(e) => set({ description: e.target.value })}
            className="min-h-14"
            data-testid="schema-description"
          />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field
          label="Kind"
          hint={locked ? `${schema?.labelCount} labels use it: the kind stays` : undefined}
          error={errorFor(save.error, "kind")}
        >
          {(p) => (
            <Select
              {...p}
              value={d.kind}
              disabled={locked}
              onChange={(e) => set({ kind: e.target.value as LabelKind })}
              data-testid="schema-kind"
            >
              {labelKinds.map((k) => (
                <option key={k} value={k}>
                  {k} ({kindText[k]})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Labels" error={errorFor(save.error, "level")}>
          {(p) => (
            <Select
              {...p}
              value={d.level}
              disabled={locked}
              onChange={(e) => set({ level: e.target.value as Draft["level"] })}
              data-testid="schema-level"
            >
              <option value="trajectory">the whole trajectory</option>
              <option value="step">one step at a time</option>
            </Select>
          )}
        </Field>
      </div>

      {d.kind === "categorical" ? (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-xs font-medium text-fg-muted">Categories</legend>
          <p className="text-xs text-fg-subtle">
            Keys 1-9 choose categories by position; a letter hotkey is optional (not {reservedHotkeys.join(", ")}).
          </p>
          {d.categories.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
            <div key={i} className="flex items-center gap-2" data-testid="category-row">
              <span className="w-5 text-right font-mono text-xs text-fg-subtle">{i + 1}</span>
              <div className="min-w-0 flex-1">
                <Input
                  aria-label={`Category ${i + 1}`}
                  value={c.value}
                  onChange={(e) => setCat(i, { value: e.target.value })}
                  placeholder={i === 0 ? "correct" : i === 1 ? "wrong" : "another"}
                  data-testid="category-value"
                />
              </div>
              <div className="w-16 shrink-0">
                <Input
                  aria-label={`Hotkey of category ${i + 1}`}
                  title="Optional letter hotkey"
                  value={c.hotkey}
                  maxLength={1}
                  onChange={(e) => setCat(i, { hotkey: e.target.value.toLowerCase() })}
                  placeholder="key"
                  className="text-center font-mono"
                />
              </div>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove category ${i + 1}`}
                onClick={() => set({ categories: d.categories.filter((_, j) => j !== i) })}
              >
                ×
              </Button>
            </div>
          ))}
          <div>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => set({ categories: [...d.categories, { value: "", hotkey: "" }] })}
            >
              + Add a category
            </Button>
          </div>
          <ErrorText message={errorFor(save.error, "categories")} className="text-xs text-danger" />
        </fieldset>
      ) : null}

      {d.kind === "numeric" ? (
        <div className="grid grid-cols-3 gap-3">
          {(["min", "max", "step"] as const).map((f) => (
            <Field
              key={f}
              label={f === "step" ? "Step (optional)" : f === "min" ? "Minimum" : "Maximum"}
              error={errorFor(save.error, f)}
            >
              {(p) => (
                <Input
                  {...p}
                  type="number"
                  step="any"
                  value={d[f]}
                  onChange={(e) => set({ [f]: e.target.value })}
                  data-testid={`schema-${f}`}
                />
              )}
            </Field>
          ))}
        </div>
      ) : null}

      <details className="rounded-md border border-line px-3 py-2" open={Boolean(d.rubricId)}>
        <summary className="cursor-pointer text-xs font-medium text-fg-muted">
          Tie to a rubric criterion (optional)
        </summary>
        <p className="mt-1 text-xs text-fg-subtle">
          Labels tied to a criterion are the human side when judges are compared with people.
        </p>
        <div className="mt-2 grid grid-cols-2 gap-3">
          <Field label="Rubric id" error={errorFor(save.error, "rubricId")}>
            {(p) => (
              <Input
                {...p}
                value={d.rubricId}
                onChange={(e) => set({ rubricId: e.target.value })}
                className="font-mono text-xs"
              />
            )}
          </Field>
          <Field label="Criterion id" error={errorFor(save.error, "criterionId")}>
            {(p) => (
              <Input
                {...p}
                value={d.criterionId}
                onChange={(e) => set({ criterionId: e.target.value })}
                className="font-mono text-xs"
              />
            )}
          </Field>
        </div>
      </details>

      <ErrorText message={otherError} />
      <div className="flex justify-end gap-2 border-t border-line pt-3">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" loading={save.isPending} data-testid="schema-save">
          {schema ? "Save" : "Create label schema"}
        </Button>
      </div>
    </form>
  );
}
