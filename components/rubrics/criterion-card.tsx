"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { atlasCategories, priorityCategories, type Scale } from "@/lib/rubrics/model";
import { type DraftCriterion, type Issues, issuesUnder } from "./editor-state";
import { checkKinds, ProgramCheckFields } from "./program-check-fields";

const scaleText: Record<Scale["kind"], string> = {
  binary: "yes / no (1 or 0)",
  ternary: "1 / 0.5 / 0",
  unit: "a number in [0, 1]",
  bands: "1-10 with written bands",
};
const defaultBands = [
  { min: 1, max: 3, description: "poor" },
  { min: 4, max: 7, description: "fair" },
  { min: 8, max: 10, description: "good" },
];

/** Bands as lines people write: "1-3 poor" */
const bandsText = (s: Scale) =>
  s.kind === "bands" ? s.bands.map((b) => `${b.min}-${b.max} ${b.description}`).join("\n") : "";
function parseBands(text: string) {
  return text
    .split("\n")
    .map((l) => /^\s*(-?\d+)\s*-\s*(-?\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ min: Number(m[1]), max: Number(m[2]), description: m[3].trim() }));
}

export function CriterionCard({
  c,
  index,
  count,
  issues,
  readOnly,
  onChange,
  onMove,
  onRemove,
  dragProps,
}: {
  c: DraftCriterion;
  index: number;
  count: number;
  issues: Issues;
  readOnly?: boolean;
  onChange: (c: DraftCriterion) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  dragProps?: React.HTMLAttributes<HTMLDivElement>;
}) {
  const at = `criteria.${index}`;
  const err = (f: string) => issues.get(`${at}.${f}`) ?? null;
  const mine = issuesUnder(issues, at);
  const pitfall = (c.weight ?? 0) < 0;
  return (
    <section
      aria-label={`Criterion ${index + 1}`}
      data-testid="criterion"
      className={cn(
        "rounded-md border bg-panel p-3",
        mine.length ? "border-danger/60" : "border-line",
        pitfall && "border-l-4 border-l-warning",
      )}
      onKeyDown={(e) => {
        if (readOnly || !e.altKey) return;
        if (e.key === "ArrowUp" && index > 0) {
          e.preventDefault();
          onMove(index - 1);
        } else if (e.key === "ArrowDown" && index < count - 1) {
          e.preventDefault();
          onMove(index + 1);
        }
      }}
      {...dragProps}
    >
      <header className="mb-2 flex items-center gap-2">
        {readOnly ? null : (
          <span
            className="cursor-grab select-none text-fg-subtle"
            title="Drag to reorder, or Alt+↑ / Alt+↓"
            aria-hidden
          >
            ⋮⋮
          </span>
        )}
        <span className="font-mono text-xs text-fg-subtle">{index + 1}</span>
        <span className="min-w-0 flex-1 truncate text-sm font-medium text-fg">{c.title || "Untitled criterion"}</span>
        {pitfall ? <Badge tone="warning">pitfall</Badge> : null}
        {mine.length ? <Badge tone="danger">{mine.length === 1 ? "1 issue" : `${mine.length} issues`}</Badge> : null}
        {readOnly ? null : (
          <span className="flex gap-0.5">
            <Button
              size="sm"
              variant="ghost"
              aria-label="Move up (Alt+↑)"
              title="Move up (Alt+↑)"
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            >
              ↑
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label="Move down (Alt+↓)"
              title="Move down (Alt+↓)"
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            >
              ↓
            </Button>
            <Button size="sm" variant="ghost" onClick={onRemove} data-testid="criterion-remove">
              Remove
            </Button>
          </span>
        )}
      </header>
      <div className="grid grid-cols-2 gap-2 lg:grid-cols-[10rem_1fr_11rem_6rem]">
        <Field label="Id" error={err("id")}>
          {(p) => (
            <Input
              {...p}
              className="font-mono text-xs"
              value={c.id}
              readOnly={readOnly}
              onChange={(e) => onChange({ ...c, id: e.target.value })}
              data-testid="criterion-id"
            />
          )}
        </Field>
        <Field label="Title" error={err("title")}>
          {(p) => (
            <Input
              {...p}
              value={c.title}
              readOnly={readOnly}
              onChange={(e) => onChange({ ...c, title: e.target.value })}
              data-testid="criterion-title"
            />
          )}
        </Field>
        <Field label="Category" error={err("category")}>
          {(p) => (
            <Input
              {...p}
              list="rubric-categories"
              value={c.category}
              readOnly={readOnly}
              placeholder="e.g. Essential"
              onChange={(e) => onChange({ ...c, category: e.target.value })}
              data-testid="criterion-category"
            />
          )}
        </Field>
        <Field
          label="Weight"
          error={err("weight")}
          hint={pitfall ? "pitfall: subtracts when it happens" : "negative = pitfall"}
        >
          {(p) => (
            <Input
              {...p}
              type="number"
              step="any"
              value={c.weight === undefined ? "" : String(c.weight)}
              readOnly={readOnly}
              onChange={(e) => onChange({ ...c, weight: e.target.value === "" ? undefined : Number(e.target.value) })}
              data-testid="criterion-weight"
            />
          )}
        </Field>
      </div>
      <Field
        className="mt-2"
        label="Instruction for the judge"
        error={err("instruction")}
        hint={
          c.verifier.kind === "program"
            ? "optional for a program check: shown to people reading the rubric"
            : "Variables: {{task.prompt}} the task's prompt, {{task.reference}} its reference answer, {{task.claims}} its claims"
        }
      >
        {(p) => (
          <Textarea
            {...p}
            className="min-h-14"
            value={c.instruction}
            readOnly={readOnly}
            placeholder="Does the final answer give the forecast for {{task.prompt}}'s city?"
            onChange={(e) => onChange({ ...c, instruction: e.target.value })}
            data-testid="criterion-instruction"
          />
        )}
      </Field>
      <div className="mt-2 grid grid-cols-2 gap-2">
        <Field label="Scale" error={err("scale") ?? err("scale.kind") ?? err("scale.bands")}>
          {(p) => (
            <Select
              {...p}
              value={c.scale.kind}
              disabled={readOnly}
              onChange={(e) => {
                const kind = e.target.value as Scale["kind"];
                onChange({ ...c, scale: kind === "bands" ? { kind, bands: defaultBands } : { kind } });
              }}
              data-testid="criterion-scale"
            >
              {(Object.keys(scaleText) as Scale["kind"][]).map((k) => (
                <option key={k} value={k}>
                  {scaleText[k]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Verifier" error={err("verifier") ?? err("verifier.kind")}>
          {(p) => (
            <Select
              {...p}
              value={c.verifier.kind}
              disabled={readOnly}
              onChange={(e) => {
                const kind = e.target.value as "model" | "onnx" | "program";
                onChange({
                  ...c,
                  argsText: undefined,
                  verifier: kind === "program" ? { kind, check: checkKinds[0].start as never } : { kind },
                });
              }}
              data-testid="criterion-verifier"
            >
              <option value="model">model judge</option>
              <option value="onnx">local ONNX model</option>
              <option value="program">program check (no model)</option>
            </Select>
          )}
        </Field>
      </div>
      {c.scale.kind === "bands" ? (
        <Field className="mt-2" label="Bands, one per line" hint="min-max description, e.g. 8-10 complete and grounded">
          {(p) => (
            <Textarea
              {...p}
              className="min-h-14 font-mono text-xs"
              defaultValue={bandsText(c.scale)}
              readOnly={readOnly}
              onChange={(e) => onChange({ ...c, scale: { kind: "bands", bands: parseBands(e.target.value) } })}
            />
          )}
        </Field>
      ) : null}
      {c.verifier.kind === "program" ? (
        <div className="mt-2 rounded-md border border-line bg-canvas/40 p-2">
          <ProgramCheckFields c={c} at={at} issues={issues} onChange={onChange} readOnly={readOnly} />
        </div>
      ) : null}
    </section>
  );
}

/** The category presets, offered by every category field. */
export function CategoryPresets() {
  return (
    <datalist id="rubric-categories">
      {[...atlasCategories, ...priorityCategories].map((c) => (
        <option key={c} value={c} />
      ))}
    </datalist>
  );
}
