"use client";
import { useCallback, useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";
import { IconMoon, IconSun } from "@/components/ui/icons";
import { THEME_KEY as KEY } from "./theme-script";

export type ThemeChoice = "light" | "dark" | "system";

function apply(choice: ThemeChoice) {
  const dark = choice === "dark" || (choice === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  const el = document.documentElement;
  el.classList.toggle("dark", dark);
  el.style.colorScheme = dark ? "dark" : "light";
}

const listeners = new Set<() => void>();
function subscribe(fn: () => void) {
  listeners.add(fn);
  const mq = matchMedia("(prefers-color-scheme: dark)");
  const onSystem = () => {
    if (readChoice() === "system") apply("system");
    fn();
  };
  mq.addEventListener("change", onSystem);
  return () => {
    listeners.delete(fn);
    mq.removeEventListener("change", onSystem);
  };
}
function readChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system";
  }
}
const isDark = () => document.documentElement.classList.contains("dark");

export function useTheme() {
  const choice = useSyncExternalStore(subscribe, readChoice, () => "system" as ThemeChoice);
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  const setTheme = useCallback((c: ThemeChoice) => {
    try {
      if (c === "system") localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, c);
    } catch {}
    apply(c);
    for (const l of listeners) l();
  }, []);
  return { choice, dark, setTheme };
}

export function ThemeToggle({ className }: { className?: string }) {
  const { dark, setTheme } = useTheme();
  const label = dark ? "Switch to light theme" : "Switch to dark theme";
  return (
    <button
      type="button"
      onClick={() => setTheme(dark ? "light" : "dark")}
      aria-label={label}
      title={label}
      data-testid="theme-toggle"
      className={cn(
        "inline-flex size-7 items-center justify-center rounded-md text-fg-muted hover:bg-hover hover:text-fg",
        className,
      )}
    >
      <span suppressHydrationWarning>{dark ? <IconSun /> : <IconMoon />}</span>
    </button>
  );
}
