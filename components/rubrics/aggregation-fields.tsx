"use client";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type Aggregation, atlasCategories } from "@/lib/rubrics/model";
import type { DraftCriterion, Issues } from "./editor-state";

const rules: { rule: Aggregation["rule"]; label: string; help: string }[] = [
  { rule: "weighted-mean", label: "Weighted mean", help: "Positive weights average; pitfalls subtract their share." },
  {
    rule: "category-weighted",
    label: "Category-weighted mean",
    help: "A weighted mean per category, then the categories by their weights.",
  },
  {
    rule: "essential-gate",
    label: "Essential gate",
    help: "Any failed criterion of the gate's category gives 0; otherwise the weighted mean.",
  },
  {
    rule: "coverage-pass",
    label: "Coverage pass",
    help: "The weighted mean is the coverage; the episode passes at the threshold.",
  },
  {
    rule: "holistic",
    label: "Holistic",
    help: "One criterion judges the whole episode; the others are shown but do not count.",
  },
];

function start(rule: Aggregation["rule"], criteria: DraftCriterion[]): Aggregation {
  switch (rule) {
    case "category-weighted": {
      const present = [...new Set(criteria.map((c) => c.category).filter(Boolean))];
      const atlas = [0.4, 0.3, 0.2, 0.1];
      const cats = present.length ? present : atlasCategories;
      return {
        rule,
        weights: Object.fromEntries(cats.map((c, i) => [c, atlas[atlasCategories.indexOf(c)] ?? atlas[i] ?? 0.1])),
      };
    }
    case "essential-gate":
      return { rule, category: "Essential" };
    case "coverage-pass":
      return { rule, threshold: 0.75 };
    case "holistic":
      return { rule, criterionId: criteria[0]?.id ?? "" };
    default:
      return { rule: "weighted-mean" };
  }
}

export function AggregationFields({
  value,
  criteria,
  issues,
  readOnly,
  onChange,
}: {
  value: Aggregation;
  criteria: DraftCriterion[];
  issues: Issues;
  readOnly?: boolean;
  onChange: (a: Aggregation) => void;
}) {
  const err = (f: string) => issues.get(f ? `aggregation.${f}` : "aggregation") ?? null;
  const help = rules.find((r) => r.rule === value.rule)?.help;
  return (
    <div className="flex flex-col gap-2" data-testid="aggregation">
      <Field label="Aggregation rule" hint={help} error={err("") ?? err("rule")}>
        {(p) => (
          <Select
            {...p}
            value={value.rule}
            disabled={readOnly}
            onChange={(e) => onChange(start(e.target.value as Aggregation["rule"], criteria))}
            data-testid="aggregation-rule"
          >
            {rules.map((r) => (
              <option key={r.rule} value={r.rule}>
                {r.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {value.rule === "coverage-pass" ? (
        <Field label="Pass at coverage" error={err("threshold")} hint="between 0 and 1, e.g. 0.75 as MCP-Atlas">
          {(p) => (
            <Input
              {...p}
              type="number"
              step="0.05"
              value={Number.isFinite(value.threshold) ? String(value.threshold) : ""}
              readOnly={readOnly}
              onChange={(e) => onChange({ ...value, threshold: Number(e.target.value) })}
              data-testid="aggregation-threshold"
            />
          )}
        </Field>
      ) : null}
      {value.rule === "essential-gate" ? (
        <Field label="Gate category" error={err("category")}>
          {(p) => (
            <Input
              {...p}
              list="rubric-categories"
              value={value.category}
              readOnly={readOnly}
              onChange={(e) => onChange({ ...value, category: e.target.value })}
            />
          )}
        </Field>
      ) : null}
      {value.rule === "holistic" ? (
        <Field label="The criterion that judges" error={err("criterionId")}>
          {(p) => (
            <Select
              {...p}
              value={value.criterionId}
              disabled={readOnly}
              onChange={(e) => onChange({ ...value, criterionId: e.target.value })}
            >
              {criteria.some((c) => c.id === value.criterionId) ? null : (
                <option value={value.criterionId}>{value.criterionId || "choose"}</option>
              )}
              {criteria.map((c) => (
                <option key={c.key} value={c.id}>
                  {c.id} · {c.title}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      {value.rule === "category-weighted" ? (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-xs font-medium text-fg-muted">Category weights</legend>
          {err("weights") ? (
            <p className="text-xs text-danger" role="alert">
              {err("weights")}
            </p>
          ) : null}
          {Object.entries(value.weights).map(([cat, w]) => (
            <div key={cat} className="grid grid-cols-[1fr_5rem_auto] items-center gap-1">
              <span className="truncate text-sm text-fg" title={cat}>
                {cat}
              </span>
              <Input
                type="number"
                step="0.05"
                aria-label={`Weight of ${cat}`}
                aria-invalid={Boolean(err(`weights.${cat}`))}
                value={Number.isFinite(w) ? String(w) : ""}
                readOnly={readOnly}
                onChange={(e) => onChange({ ...value, weights: { ...value.weights, [cat]: Number(e.target.value) } })}
              />
              {readOnly ? null : (
                <button
                  type="button"
                  className="px-1 text-xs text-fg-subtle hover:text-fg"
                  aria-label={`Remove ${cat}`}
                  onClick={() => {
                    const { [cat]: _gone, ...rest } = value.weights;
                    onChange({ ...value, weights: rest });
                  }}
                >
                  ✕
                </button>
              )}
              {err(`weights.${cat}`) ? <p className="col-span-3 text-xs text-danger">{err(`weights.${cat}`)}</p> : null}
            </div>
          ))}
          {readOnly ? null : (
            <Input
              placeholder="Add a category and press Enter"
              list="rubric-categories"
              onKeyDown={(e) => {
                const v = e.currentTarget.value.trim();
                if (e.key === "Enter" && v) {
                  e.preventDefault();
                  onChange({ ...value, weights: { ...value.weights, [v]: 0.1 } });
                  e.currentTarget.value = "";
                }
              }}
            />
          )}
        </fieldset>
      ) : null}
    </div>
  );
}
