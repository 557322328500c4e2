"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Fragment } from "react";
import { shortId } from "@/components/ui/format";
import { IconChevronRight } from "@/components/ui/icons";
import { areaLabel } from "./nav-items";

const subLabels: Record<string, string> = {
  members: "Members",
  "api-keys": "API keys",
  schemas: "Label schemas",
  diff: "Diff",
  work: "Label",
  playground: "Playground",
  judges: "Judges",
  agreement: "Agreement",
  new: "New rubric",
  policies: "Policies",
  prompts: "Strategy prompts",
};
/** What an id names, by the segment before it. */
const itemNames: Record<string, string> = {
  jobs: "Job",
  trajectories: "Trajectory",
  labeling: "Queue",
  rubrics: "Rubric",
  playground: "Judging run",
  runs: "Run",
};

type Crumb = { label: string; href?: string };

function crumbsFor(pathname: string, projectName?: string): Crumb[] {
  const parts = pathname.split("/").filter(Boolean);
  if (parts[0] === "account") return [{ label: "Account" }];
  if (parts[0] !== "projects") return [];
  const crumbs: Crumb[] = [{ label: "Projects", href: "/projects" }];
  if (!parts[1]) return crumbs;
  const base = `/projects/${parts[1]}`;
  crumbs.push({ label: projectName ?? "Project", href: base });
  if (!parts[2]) {
    crumbs.push({ label: "Overview" });
    return crumbs;
  }
  let href = `${base}/${parts[2]}`;
  crumbs.push({ label: areaLabel(parts[2]) ?? parts[2], href });
  parts.slice(3).forEach((part, i) => {
    href += `/${part}`;
    const item = itemNames[parts[2 + i]];
    const label = subLabels[part] ?? (item ? `${item} ${shortId(part)}` : part);
    crumbs.push({ label, href });
  });
  return crumbs;
}

export function Breadcrumbs({ projectName }: { projectName?: string }) {
  const pathname = usePathname();
  const crumbs = crumbsFor(pathname, projectName);
  return (
    <nav aria-label="Breadcrumb" className="min-w-0">
      <ol className="flex min-w-0 items-center gap-1 text-sm">
        {crumbs.map((c, i) => {
          const last = i === crumbs.length - 1;
          return (
            <Fragment key={c.href ?? c.label}>
              {i > 0 ? (
                <li aria-hidden="true" className="text-fg-subtle">
                  <IconChevronRight className="size-3" />
                </li>
              ) : null}
              <li className="min-w-0 truncate">
                {c.href && !last ? (
                  <Link href={c.href} className="rounded px-1 py-0.5 text-fg-muted hover:bg-hover hover:text-fg">
                    {c.label}
                  </Link>
                ) : (
                  <span aria-current={last ? "page" : undefined} className="px-1 font-medium text-fg">
                    {c.label}
                  </span>
                )}
              </li>
            </Fragment>
          );
        })}
      </ol>
    </nav>
  );
}
