import { describe, expect, it } from "vitest";
import { buildToolTimeline, type TimelineStep, toolSummaryAt } from "./tool-timeline";

const step = (index: number, calls: string[] = [], loaded: string[] = [], unloaded: string[] = []): TimelineStep => ({
  index,
  role: calls.length ? "assistant" : "tool",
  toolsLoaded: loaded,
  toolsUnloaded: unloaded,
  message: { toolCalls: calls.map((name) => ({ name })) },
});

describe("buildToolTimeline", () => {
  it("records when each tool was loaded and unloaded, and flags calls to tools not loaded", () => {
    const t = buildToolTimeline(
      ["load_tools"],
      [
        step(0, ["load_tools"]),
        step(1, [], ["weather_get", "maps_route"]),
        step(2, ["weather_get"]),
        step(3, [], [], ["weather_get"]),
        step(4, ["weather_get", "calendar_add"]),
      ],
    );
    expect(t.recorded).toBe(true);
    expect(t.rows.map((r) => [r.name, r.intervals])).toEqual([
      ["load_tools", [[-1, null]]],
      ["maps_route", [[1, null]]],
      ["weather_get", [[1, 3]]],
      ["calendar_add", []],
    ]);
    expect(t.rows.find((r) => r.name === "weather_get")?.calls).toEqual([
      { step: 2, loaded: true },
      { step: 4, loaded: false },
    ]);
    expect([...t.unloadedCalls]).toEqual([[4, ["weather_get", "calendar_add"]]]);

    expect(toolSummaryAt(t, 2)).toEqual({ neverUsed: ["maps_route"], calledNotLoaded: [], loadedNow: 3 });
    expect(toolSummaryAt(t, 4)).toEqual({
      neverUsed: ["maps_route"],
      calledNotLoaded: [
        { name: "weather_get", steps: [4] },
        { name: "calendar_add", steps: [4] },
      ],
      loadedNow: 2,
    });
  });

  it("counts a tool loaded on the call's own step as loaded", () => {
    const t = buildToolTimeline([], [step(0, ["search"], ["search"])]);
    expect(t.unloadedCalls.size).toBe(0);
  });

  it("flags nothing when the episode records no loading", () => {
    const t = buildToolTimeline([], [step(0, ["search"]), step(1, ["fetch"])]);
    expect(t.recorded).toBe(false);
    expect(t.unloadedCalls.size).toBe(0);
    expect(toolSummaryAt(t, 1)).toEqual({ neverUsed: [], calledNotLoaded: [], loadedNow: 0 });
  });
});
