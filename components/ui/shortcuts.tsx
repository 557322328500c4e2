"use client";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { Dialog } from "./dialog";
import { Kbd } from "./kbd";

// Page shortcuts: components register what they handle (j/k in a table, / in a search box,
// g-sequences in the navigation), and `?` lists exactly what the current page offers.

export type Shortcut = {
  /** "j", "/", "Enter", or a sequence "g j" */
  keys: string;
  description: string;
  group: string;
  run: () => void;
};

type Registry = {
  add: (s: Shortcut) => () => void;
  list: () => Shortcut[];
  subscribe: (fn: () => void) => () => void;
  openHelp: () => void;
};

const ShortcutsContext = createContext<Registry | null>(null);

const isTyping = (t: EventTarget | null) => {
  if (!(t instanceof HTMLElement)) return false;
  const tag = t.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || t.isContentEditable;
};

export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const items = useRef(new Set<Shortcut>());
  const snapshot = useRef<Shortcut[]>([]);
  const listeners = useRef(new Set<() => void>());

  const registry = useMemo<Registry>(
    () => ({
      add(s) {
        items.current.add(s);
        snapshot.current = [...items.current];
        for (const l of listeners.current) l();
        return () => {
          items.current.delete(s);
          snapshot.current = [...items.current];
          for (const l of listeners.current) l();
        };
      },
      list: () => snapshot.current,
      subscribe(fn) {
        listeners.current.add(fn);
        return () => listeners.current.delete(fn);
      },
      openHelp: () => setHelpOpen(true),
    }),
    [],
  );

  useEffect(() => {
    let pending: string | null = null;
    let pendingTimer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target)) return;
      if (document.querySelector("dialog[open]")) return; // a dialog owns the keyboard
      const key = e.key;
      if (key === "?") {
        e.preventDefault();
        setHelpOpen(true);
        return;
      }
      const all = [...items.current];
      if (pending) {
        const seq = `${pending} ${key}`;
        pending = null;
        clearTimeout(pendingTimer);
        const hit = all.find((s) => s.keys === seq);
        if (hit) {
          e.preventDefault();
          hit.run();
        }
        return;
      }
      const hit = all.find((s) => s.keys === key);
      if (hit) {
        e.preventDefault();
        hit.run();
        return;
      }
      if (all.some((s) => s.keys.startsWith(`${key} `))) {
        pending = key;
        pendingTimer = setTimeout(() => {
          pending = null;
        }, 1200);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <ShortcutsContext.Provider value={registry}>
      {children}
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} registry={registry} />
    </ShortcutsContext.Provider>
  );
}

function ShortcutsHelp({ open, onClose, registry }: { open: boolean; onClose: () => void; registry: Registry }) {
  const list = useSyncExternalStore(registry.subscribe, registry.list, registry.list);
  const groups = new Map<string, Shortcut[]>();
  for (const s of list) {
    const seen = groups.get(s.group) ?? [];
    if (!seen.some((x) => x.keys === s.keys)) seen.push(s);
    groups.set(s.group, seen);
  }
  groups.set("General", [
    ...(groups.get("General") ?? []),
    { keys: "?", description: "Show this list", group: "General", run: () => {} },
    { keys: "Esc", description: "Close a dialog or menu", group: "General", run: () => {} },
  ]);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      description="What this page answers to"
      testId="shortcuts-dialog"
    >
      <div className="flex flex-col gap-4">
        {[...groups].map(([group, shortcuts]) => (
          <section key={group}>
            <h3 className="mb-1.5 text-xs font-medium uppercase tracking-wide text-fg-subtle">{group}</h3>
            <ul className="divide-y divide-line rounded-md border border-line">
              {shortcuts.map((s) => (
                <li key={s.keys} className="flex items-center justify-between gap-4 px-3 py-1.5 text-sm">
                  <span className="text-fg">{s.description}</span>
                  <span className="flex items-center gap-1">
                    {s.keys.split(" ").map((k, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a sequence may repeat a key
                      <span key={i} className="flex items-center gap-1">
                        {i > 0 ? <span className="text-xs text-fg-subtle">then</span> : null}
                        <Kbd>{k}</Kbd>
                      </span>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Dialog>
  );
}

/** Registers a shortcut while the calling component is mounted (and `enabled`). */
export function useShortcut(
  keys: string,
  description: string,
  run: () => void,
  opts: { group?: string; enabled?: boolean } = {},
) {
  const registry = useContext(ShortcutsContext);
  const runRef = useRef(run);
  runRef.current = run;
  const { group = "This page", enabled = true } = opts;
  useEffect(() => {
    if (!registry || !enabled) return;
    return registry.add({ keys, description, group, run: () => runRef.current() });
  }, [registry, keys, description, group, enabled]);
}

export function useOpenShortcutsHelp() {
  const registry = useContext(ShortcutsContext);
  return useCallback(() => registry?.openHelp(), [registry]);
}
