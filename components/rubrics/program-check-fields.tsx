"use client";
import { useState } from "react";
import { Checkbox, Field, Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { DraftCriterion, Issues } from "./editor-state";

type Check = Record<string, unknown> & { check: string };

/** Each program check, its fields, and what it needs to start from. */
export const checkKinds: { check: string; label: string; start: Check }[] = [
  { check: "tool-called", label: "Tool called (min/max times)", start: { check: "tool-called", tool: "", min: 1 } },
  {
    check: "tool-arguments",
    label: "Tool arguments match",
    start: { check: "tool-arguments", tool: "", match: "subset", value: {} },
  },
  { check: "tool-order", label: "Tools called in order", start: { check: "tool-order", tools: [] } },
  {
    check: "final-answer-contains",
    label: "Final answer contains",
    start: { check: "final-answer-contains", text: "", caseSensitive: false },
  },
  {
    check: "final-answer-regex",
    label: "Final answer matches a regex",
    start: { check: "final-answer-regex", pattern: "" },
  },
  {
    check: "final-answer-json-schema",
    label: "Final answer fits a JSON Schema",
    start: { check: "final-answer-json-schema", schema: { type: "object" } },
  },
  {
    check: "final-answer-number",
    label: "Final answer is a number (± tolerance)",
    start: { check: "final-answer-number", value: 0, tolerance: 0 },
  },
  { check: "no-tool-errors", label: "No tool errors", start: { check: "no-tool-errors" } },
  { check: "max-turns", label: "Turns at most N", start: { check: "max-turns", max: 10 } },
  {
    check: "max-context-tokens",
    label: "Context tokens at most N",
    start: { check: "max-context-tokens", max: 32000 },
  },
  {
    check: "max-unused-tools",
    label: "Tools loaded but unused at most N",
    start: { check: "max-unused-tools", max: 5 },
  },
];

const num = (v: string) => (v.trim() === "" ? undefined : Number(v));

/** The fields of one program check; each shows the issue at its own path. */
export function ProgramCheckFields({
  c,
  at,
  issues,
  onChange,
  readOnly,
}: {
  c: DraftCriterion;
  /** the criterion's path, e.g. criteria.2 */
  at: string;
  issues: Issues;
  onChange: (c: DraftCriterion) => void;
  readOnly?: boolean;
}) {
  const check = (c.verifier.kind === "program" ? c.verifier.check : { check: "no-tool-errors" }) as Check;
  const err = (f: string) => issues.get(`${at}.verifier.check.${f}`) ?? null;
  const set = (patch: Record<string, unknown>, extra: Partial<DraftCriterion> = {}) =>
    onChange({ ...c, ...extra, verifier: { kind: "program", check: { ...check, ...patch } as never } });
  const text = (f: string, label: string, hint?: string, mono = true) => (
    <Field label={label} hint={hint} error={err(f)}>
      {(p) => (
        <Input
          {...p}
          className={mono ? "font-mono text-xs" : undefined}
          value={String(check[f] ?? "")}
          readOnly={readOnly}
          onChange={(e) => set({ [f]: e.target.value })}
          data-testid={`check-${f}`}
        />
      )}
    </Field>
  );
  const number = (f: string, label: string, hint?: string) => (
    <Field label={label} hint={hint} error={err(f)}>
      {(p) => (
        <Input
          {...p}
          type="number"
          value={check[f] === undefined ? "" : String(check[f])}
          readOnly={readOnly}
          onChange={(e) => set({ [f]: num(e.target.value) })}
          data-testid={`check-${f}`}
        />
      )}
    </Field>
  );
  let fields: React.ReactNode = null;
  switch (check.check) {
    case "tool-called":
      fields = (
        <>
          {text("tool", "Tool", "its name as the trajectory calls it")}
          {number("min", "At least", "times")}
          {number("max", "At most", "empty: no limit")}
        </>
      );
      break;
    case "tool-arguments":
      fields = (
        <>
          {text("tool", "Tool")}
          <Field label="Match" error={err("match")}>
            {(p) => (
              <Select
                {...p}
                value={String(check.match)}
                disabled={readOnly}
                onChange={(e) => {
                  const match = e.target.value;
                  if (match === "regex") set({ match, value: "" }, { argsText: undefined });
                  else set({ match }, { argsText: c.argsText ?? "{}" });
                }}
              >
                <option value="subset">contain these arguments (JSON subset)</option>
                <option value="equals">equal these arguments</option>
                <option value="regex">match a regex over the arguments text</option>
              </Select>
            )}
          </Field>
          {check.match === "regex" ? (
            text("value", "Pattern")
          ) : (
            <Field label="Arguments (JSON)" error={err("value")} className="col-span-full">
              {(p) => (
                <Textarea
                  {...p}
                  className="min-h-12 font-mono text-xs"
                  value={c.argsText ?? "{}"}
                  readOnly={readOnly}
                  onChange={(e) => onChange({ ...c, argsText: e.target.value })}
                  data-testid="check-args"
                />
              )}
            </Field>
          )}
        </>
      );
      break;
    case "tool-order":
      fields = (
        <Field label="Tools, in order" hint="comma-separated; other calls may come between" error={err("tools")}>
          {(p) => (
            <Input
              {...p}
              className="font-mono text-xs"
              value={((check.tools as string[]) ?? []).join(", ")}
              readOnly={readOnly}
              onChange={(e) =>
                set({
                  tools: e.target.value
                    .split(",")
                    .map((s) => s.trim())
                    .filter(Boolean),
                })
              }
              data-testid="check-tools"
            />
          )}
        </Field>
      );
      break;
    case "final-answer-contains":
      fields = (
        <>
          {text("text", "Text", undefined, false)}
          <Checkbox
            label="Case-sensitive"
            checked={Boolean(check.caseSensitive)}
            disabled={readOnly}
            onChange={(e) => set({ caseSensitive: e.target.checked })}
          />
        </>
      );
      break;
    case "final-answer-regex":
      fields = text("pattern", "Pattern", "JavaScript regular expression, e.g. \\bPARIS\\b");
      break;
    case "final-answer-json-schema":
      fields = <JsonSchemaField check={check} error={err("schema")} readOnly={readOnly} onSet={set} />;
      break;
    case "final-answer-number":
      fields = (
        <>
          {number("value", "Value")}
          {number("tolerance", "Tolerance", "± this much still passes")}
        </>
      );
      break;
    case "max-turns":
    case "max-context-tokens":
    case "max-unused-tools":
      fields = number("max", "At most");
      break;
  }
  return (
    <div className="grid grid-cols-1 gap-2 md:grid-cols-3">
      <Field label="Check" error={err("check")} className="md:col-span-3">
        {(p) => (
          <Select
            {...p}
            value={check.check}
            disabled={readOnly}
            data-testid="check-kind"
            onChange={(e) => {
              const kind = checkKinds.find((k) => k.check === e.target.value);
              if (kind)
                onChange({
                  ...c,
                  argsText: kind.check === "tool-arguments" ? "{}" : undefined,
                  verifier: { kind: "program", check: kind.start as never },
                });
            }}
          >
            {checkKinds.map((k) => (
              <option key={k.check} value={k.check}>
                {k.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {fields}
    </div>
  );
}

function JsonSchemaField({
  check,
  error,
  readOnly,
  onSet,
}: {
  check: Check;
  error: string | null;
  readOnly?: boolean;
  onSet: (patch: Record<string, unknown>) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(check.schema ?? {}, null, 1));
  const [parseError, setParseError] = useState<string | null>(null);
  return (
    <Field label="JSON Schema" error={parseError ?? error} className="md:col-span-3">
      {(p) => (
        <Textarea
          {...p}
          className="min-h-16 font-mono text-xs"
          value={text}
          readOnly={readOnly}
          onChange={(e) => {
            setText(e.target.value);
            try {
              onSet({ schema: JSON.parse(e.target.value) });
              setParseError(null);
            } catch {
              setParseError('not JSON yet, e.g. {"type": "object", "required": ["id"]}');
            }
          }}
        />
      )}
    </Field>
  );
}
