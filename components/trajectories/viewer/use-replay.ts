"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useShortcut } from "@/components/ui/shortcuts";

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  ((t.tagName === "INPUT" && (t as HTMLInputElement).type !== "range") ||
    t.tagName === "TEXTAREA" ||
    t.tagName === "SELECT" ||
    t.isContentEditable);

/**
 * Replay state and its keys: a cursor over the steps, play/pause on a timer at `speed` steps
 * a second, and Space, ←/→, j/k, Home/End while replay is on.
 */
export function useReplay({ count, enabled, initial }: { count: number; enabled: boolean; initial: number }) {
  const [cursor, setCursorRaw] = useState(initial);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);
  const last = Math.max(0, count - 1);
  const setCursor = useCallback((i: number) => setCursorRaw(Math.max(0, Math.min(last, i))), [last]);

  useEffect(() => {
    if (!playing || !enabled) return;
    const timer = setInterval(() => {
      setCursorRaw((c) => {
        if (c >= last) {
          setPlaying(false);
          return c;
        }
        return c + 1;
      });
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, enabled, speed, last]);

  // playing from the last step starts over
  const play = useCallback(
    (p: boolean) => {
      if (p && cursor >= last) setCursorRaw(0);
      setPlaying(p);
    },
    [cursor, last],
  );
  const toggle = useCallback(() => play(!playing), [play, playing]);
  const step = useCallback(
    (d: number) => {
      setPlaying(false);
      setCursorRaw((c) => Math.max(0, Math.min(last, c + d)));
    },
    [last],
  );

  const opts = { group: "Replay", enabled };
  useShortcut("ArrowRight", "Next step", () => step(1), opts);
  useShortcut("ArrowLeft", "Previous step", () => step(-1), opts);
  useShortcut("j", "Next step", () => step(1), opts);
  useShortcut("k", "Previous step", () => step(-1), opts);
  useShortcut("Home", "First step", () => setCursor(0), opts);
  useShortcut("End", "Last step", () => setCursor(last), opts);
  // listed here; Space itself is handled below (the key arrives as " ", which the list would show blank)
  useShortcut("Space", "Play or pause", toggle, opts);
  const toggleRef = useRef(toggle);
  toggleRef.current = toggle;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== " " || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector("dialog[open]")) return;
      e.preventDefault(); // no page scroll, and no click on a focused button
      toggleRef.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);

  return { cursor, setCursor, playing, play, speed, setSpeed };
}
