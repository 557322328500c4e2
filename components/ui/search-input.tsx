"use client";
import { useEffect, useRef, useState } from "react";
import { cn } from "./cn";
import { IconSearch } from "./icons";
import { inputClass } from "./input";
import { Kbd } from "./kbd";
import { useShortcut } from "./shortcuts";

/**
 * The page's search box: `/` focuses it, Esc clears and leaves it, and typing commits
 * (debounced) through onCommit, which usually writes the URL.
 */
export function SearchInput({
  value,
  onCommit,
  placeholder = "Search",
  label,
  className,
  testId,
}: {
  value: string;
  onCommit: (v: string) => void;
  placeholder?: string;
  label: string;
  className?: string;
  testId?: string;
}) {
  const [text, setText] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  const onCommitRef = useRef(onCommit);
  onCommitRef.current = onCommit;
  // what this box last wrote, to tell our own URL updates from outside ones
  const committed = useRef(value);
  const commit = useRef((v: string) => {
    committed.current = v;
    onCommitRef.current(v);
  });
  useShortcut("/", "Focus the search box", () => {
    ref.current?.focus();
    ref.current?.select();
  });
  // follow the URL when it changes from elsewhere (back button, a shared link)
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text === committed.current) return;
    const t = setTimeout(() => commit.current(text), 250);
    return () => clearTimeout(t);
  }, [text]);
  return (
    <div className={cn("relative", className)}>
      <IconSearch className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-fg-subtle" />
      <input
        ref={ref}
        type="search"
        aria-label={label}
        data-testid={testId}
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit.current(text);
          if (e.key === "Escape") {
            if (text) setText("");
            else ref.current?.blur();
          }
        }}
        className={cn(inputClass, "pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden")}
      />
      <Kbd className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2">/</Kbd>
    </div>
  );
}
