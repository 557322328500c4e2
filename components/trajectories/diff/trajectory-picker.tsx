"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { shortId } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { SiblingView } from "@/lib/trajectories/view-schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optionText = (s: SiblingView) =>
  `${shortId(s.id)} · ${s.policy ?? "no policy"} · ${s.outcome ?? "no outcome"} · reward ${s.reward ?? "—"} · ${s.stepCount} steps`;

/** Choose one side of the diff: another run of the same task, or any trajectory by id. */
export function TrajectoryPicker({
  side,
  value,
  suggestions,
  onChange,
}: {
  side: "A" | "B";
  value: string | null;
  suggestions: SiblingView[];
  onChange: (id: string) => void;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const id = text.trim().match(/[0-9a-f-]{36}/i)?.[0] ?? text.trim();
    if (!UUID.test(id)) {
      setError("Paste a trajectory id (a UUID) or its address");
      return;
    }
    setError(null);
    setText("");
    onChange(id);
  };
  return (
    <div className="flex min-w-0 flex-col gap-1" data-testid={`picker-${side}`}>
      <div className="flex items-center gap-2">
        <span className="flex size-5 shrink-0 items-center justify-center rounded bg-accent-soft text-xs font-semibold text-accent">
          {side}
        </span>
        <Select
          value={value ?? ""}
          onChange={(e) => e.target.value && onChange(e.target.value)}
          className="min-w-0 flex-1 text-xs"
          aria-label={`Trajectory ${side}: runs of the same task`}
          data-testid={`picker-${side}-select`}
        >
          {value && !suggestions.some((s) => s.id === value) ? <option value={value}>{shortId(value)}</option> : null}
          {!value ? (
            <option value="">{suggestions.length ? "Choose a run of the same task…" : "No suggestion"}</option>
          ) : null}
          {suggestions.map((s) => (
            <option key={s.id} value={s.id}>
              {optionText(s)}
            </option>
          ))}
        </Select>
      </div>
      <form
        className="flex items-center gap-1.5 pl-7"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="or paste a trajectory id"
          className="h-7 text-xs"
          aria-label={`Trajectory ${side} by id`}
          aria-invalid={!!error}
        />
        <Button type="submit" size="sm" variant="secondary">
          Open
        </Button>
      </form>
      {error ? <p className="pl-7 text-xs text-danger">{error}</p> : null}
    </div>
  );
}
