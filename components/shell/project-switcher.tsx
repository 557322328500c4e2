"use client";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { useMe } from "@/components/api/me";
import { CreateProjectDialog } from "@/components/projects/create-project-dialog";
import { cn } from "@/components/ui/cn";
import { IconChevronUpDown, IconFolder, IconPlus } from "@/components/ui/icons";
import { Menu, MenuItem, MenuLabel, MenuSeparator } from "@/components/ui/menu";
import { navItems } from "./nav-items";

/** The project at the top of the sidebar; switching keeps you in the same area. */
export function ProjectSwitcher({ current }: { current?: { id: string; name: string } }) {
  const me = useMe();
  const pathname = usePathname();
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const area = pathname.split("/")[3] ?? "";
  const keepArea = navItems.some((n) => n.segment === area) && area !== "settings" ? area : "";
  return (
    <>
      <Menu
        testId="project-switcher"
        ariaLabel={current ? `Project: ${current.name}. Switch project` : "Choose a project"}
        buttonClassName="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-hover"
        panelClassName="w-64"
        label={
          <>
            <span
              aria-hidden="true"
              className="flex size-6 shrink-0 items-center justify-center rounded-md bg-accent text-xs font-semibold text-accent-fg"
            >
              {(current?.name ?? "A").slice(0, 1).toUpperCase()}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-semibold text-fg">{current?.name ?? "Atlas Studio"}</span>
              <span className="block truncate text-[11px] text-fg-subtle">
                {current ? "Project" : "Choose a project"}
              </span>
            </span>
            <IconChevronUpDown className="size-3.5 text-fg-subtle" />
          </>
        }
      >
        {(close) => (
          <>
            <MenuLabel>Projects</MenuLabel>
            <div className="max-h-72 overflow-y-auto">
              {me.data?.projects.map((p) => (
                <MenuItem
                  key={p.id}
                  onSelect={() => {
                    close();
                    router.push(`/projects/${p.id}${keepArea ? `/${keepArea}` : ""}`);
                  }}
                  className={cn(p.id === current?.id && "bg-selected")}
                >
                  <span className="min-w-0 flex-1 truncate">{p.name}</span>
                  <span className="text-xs text-fg-subtle">{p.role}</span>
                </MenuItem>
              ))}
              {me.isPending ? <p className="px-2 py-1.5 text-xs text-fg-subtle">Loading…</p> : null}
            </div>
            <MenuSeparator />
            <MenuItem href="/projects" onSelect={close}>
              <IconFolder className="size-3.5 text-fg-subtle" /> All projects
            </MenuItem>
            <MenuItem
              testId="new-project-menu-item"
              onSelect={() => {
                close();
                setCreating(true);
              }}
            >
              <IconPlus className="size-3.5 text-fg-subtle" /> New project
            </MenuItem>
          </>
        )}
      </Menu>
      <CreateProjectDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
