// The web process listens once (LISTEN atlas_events) and fans events out to SSE streams.
import { getDb } from "@/db/client";
import { EVENTS_CHANNEL, type ProjectEvent } from "./notify";

type Listener = (e: ProjectEvent) => void;
type Hub = { listeners: Map<string, Set<Listener>>; ready: Promise<unknown> | null };

const key = Symbol.for("atlas.event-hub");
const g = globalThis as unknown as { [key]?: Hub };
g[key] ??= { listeners: new Map(), ready: null };
const hub = g[key];

function ensureListening() {
  hub.ready ??= getDb().sql.listen(EVENTS_CHANNEL, (payload) => {
    const event = JSON.parse(payload) as ProjectEvent;
    for (const fn of hub.listeners.get(event.projectId) ?? []) fn(event);
  });
  return hub.ready;
}

export async function subscribe(projectId: string, fn: Listener): Promise<() => void> {
  await ensureListening();
  const set = hub.listeners.get(projectId) ?? new Set();
  set.add(fn);
  hub.listeners.set(projectId, set);
  return () => {
    set.delete(fn);
    if (!set.size) hub.listeners.delete(projectId);
  };
}
