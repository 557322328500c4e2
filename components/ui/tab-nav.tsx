"use client";
import Link from "next/link";
import { cn } from "./cn";

export type TabLink = { href: string; label: string; testId?: string };

/** An area's sections as underlined tabs; the current one is marked for screen readers too. */
export function TabNav({ label, tabs, activeHref }: { label: string; tabs: TabLink[]; activeHref: string }) {
  return (
    <nav aria-label={label} className="mt-3 flex gap-1 border-b border-line">
      {tabs.map((t) => {
        const active = activeHref === t.href;
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? "page" : undefined}
            data-testid={t.testId}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm",
              active ? "border-accent font-medium text-fg" : "border-transparent text-fg-muted hover:text-fg",
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
