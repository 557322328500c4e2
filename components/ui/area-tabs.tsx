"use client";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { type TabLink, TabNav } from "./tab-nav";

/**
 * An area's title and its sections as tabs; every page of the area mounts it. The first tab is the
 * area's own page and stays current on pages below it that no other tab claims (one rubric, one run).
 */
export function AreaTabs({
  label,
  title,
  description,
  actions,
  tabs,
}: {
  label: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  tabs: TabLink[];
}) {
  const pathname = usePathname();
  const base = tabs[0].href;
  const sections = tabs.slice(1).map((t) => t.href);
  const activeHref =
    sections.find((h) => pathname === h || pathname.startsWith(`${h}/`)) ?? (pathname.startsWith(base) ? base : "");
  return (
    <div className="mb-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight text-fg">{title}</h1>
          {description ? <p className="mt-1 max-w-3xl text-sm text-fg-muted">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <TabNav label={label} tabs={tabs} activeHref={activeHref} />
    </div>
  );
}
