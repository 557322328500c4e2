"use client";
import { useShortcut } from "@/components/ui/shortcuts";

/** One page shortcut; a component, so that a list of hotkeys can register as many as it has. */
export function Hotkey({
  keys,
  description,
  run,
  group = "Labeling",
}: {
  keys: string;
  description: string;
  run: () => void;
  group?: string;
}) {
  useShortcut(keys, description, run, { group });
  return null;
}

export type WorkActions = {
  next: () => void;
  previous: () => void;
  saveAndNext: () => void;
  toggleDone: () => void;
  clearActive: () => void;
  stepBy: ((delta: number) => void) | null;
  binary: ((value: boolean) => void) | null;
  /** keys that choose a category, with what each does */
  categoryKeys: { key: string; description: string; run: () => void }[];
};

/** The labeling screen's keys; `?` lists them. */
export function WorkKeys({ a }: { a: WorkActions }) {
  useShortcut("j", "Next item", a.next, { group: "Items" });
  useShortcut("k", "Previous item", a.previous, { group: "Items" });
  useShortcut("Enter", "Save, mark done, and go to the next item", a.saveAndNext, { group: "Items" });
  useShortcut("d", "Mark this item done / not done", a.toggleDone, { group: "Items" });
  useShortcut("x", "Clear my label in the active field", a.clearActive, { group: "Labeling" });
  useShortcut("ArrowDown", "Next step (step labels)", () => a.stepBy?.(1), {
    group: "Steps",
    enabled: Boolean(a.stepBy),
  });
  useShortcut("ArrowUp", "Previous step (step labels)", () => a.stepBy?.(-1), {
    group: "Steps",
    enabled: Boolean(a.stepBy),
  });
  useShortcut("y", "Yes (binary field)", () => a.binary?.(true), { group: "Labeling", enabled: Boolean(a.binary) });
  useShortcut("n", "No (binary field)", () => a.binary?.(false), { group: "Labeling", enabled: Boolean(a.binary) });
  return (
    <>
      {a.categoryKeys.map((k) => (
        <Hotkey key={k.key} keys={k.key} description={k.description} run={k.run} />
      ))}
    </>
  );
}
