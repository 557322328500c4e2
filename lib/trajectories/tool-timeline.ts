// The loaded-tool set over an episode, for replay: when each tool was loaded and unloaded,
// where it was called, and the calls made to tools that were not loaded. Pure and browser-safe.

export type TimelineStep = {
  index: number;
  role: string;
  toolsLoaded: string[];
  toolsUnloaded: string[];
  message: { toolCalls: { name: string }[] };
};

export type ToolRow = {
  name: string;
  /** [loaded at step, unloaded at step or null while still loaded]; -1: loaded before the first step */
  intervals: [number, number | null][];
  /** steps where the tool was called, and whether it was loaded then */
  calls: { step: number; loaded: boolean }[];
};

export type ToolTimeline = {
  /** false when the episode records no loading at all (no initial tools, no toolsLoaded) */
  recorded: boolean;
  rows: ToolRow[];
  /** per step index: names of tools called there while not loaded (only when recorded) */
  unloadedCalls: Map<number, string[]>;
};

export function buildToolTimeline(initialTools: string[], steps: TimelineStep[]): ToolTimeline {
  const recorded = initialTools.length > 0 || steps.some((s) => s.toolsLoaded.length > 0);
  const rows = new Map<string, ToolRow>();
  const row = (name: string) => {
    let r = rows.get(name);
    if (!r) {
      r = { name, intervals: [], calls: [] };
      rows.set(name, r);
    }
    return r;
  };
  const loaded = new Set<string>();
  for (const name of initialTools) {
    loaded.add(name);
    row(name).intervals.push([-1, null]);
  }
  const unloadedCalls = new Map<number, string[]>();
  for (const s of steps) {
    // a tool loaded by this very step counts as loaded for its calls: files differ in whether
    // they record the load on the call's step or the step before
    for (const c of s.message.toolCalls) {
      const ok = !recorded || loaded.has(c.name) || s.toolsLoaded.includes(c.name);
      row(c.name).calls.push({ step: s.index, loaded: ok });
      if (!ok) unloadedCalls.set(s.index, [...(unloadedCalls.get(s.index) ?? []), c.name]);
    }
    for (const name of s.toolsLoaded)
      if (!loaded.has(name)) {
        loaded.add(name);
        row(name).intervals.push([s.index, null]);
      }
    for (const name of s.toolsUnloaded)
      if (loaded.delete(name)) {
        const open = row(name).intervals.at(-1);
        if (open) open[1] = s.index;
      }
  }
  // tools loaded earliest come first, then tools only ever called
  const first = (r: ToolRow) => r.intervals[0]?.[0] ?? Number.POSITIVE_INFINITY;
  const sorted = [...rows.values()].sort(
    (x, y) => first(x) - first(y) || (x.calls[0]?.step ?? 0) - (y.calls[0]?.step ?? 0) || x.name.localeCompare(y.name),
  );
  return { recorded, rows: sorted, unloadedCalls };
}

/** What the replay panel lists at a cursor: tools loaded so far but never called, and calls to tools not loaded. */
export function toolSummaryAt(t: ToolTimeline, cursor: number) {
  const neverUsed: string[] = [];
  const calledNotLoaded: { name: string; steps: number[] }[] = [];
  let loadedNow = 0;
  for (const r of t.rows) {
    const loadedSoFar = r.intervals.some(([start]) => start <= cursor);
    const calls = r.calls.filter((c) => c.step <= cursor);
    if (r.intervals.some(([start, end]) => start <= cursor && (end === null || end > cursor))) loadedNow++;
    if (t.recorded && loadedSoFar && calls.length === 0) neverUsed.push(r.name);
    const bad = calls.filter((c) => !c.loaded).map((c) => c.step);
    if (bad.length) calledNotLoaded.push({ name: r.name, steps: bad });
  }
  return { neverUsed, calledNotLoaded, loadedNow };
}
