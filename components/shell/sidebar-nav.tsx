"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Kbd } from "@/components/ui/kbd";
import { useShortcut } from "@/components/ui/shortcuts";
import { type Role, roleAtLeast } from "@/lib/access/roles";
import { type NavItem, navItems } from "./nav-items";

function NavShortcut({ item, href }: { item: NavItem; href: string }) {
  const router = useRouter();
  useShortcut(`g ${item.key}`, `Go to ${item.label}`, () => router.push(href), { group: "Navigation" });
  return null;
}

/** The areas of a project; Settings only for admins (the settings pages check again on the server). */
export function SidebarNav({ projectId, role }: { projectId: string; role: Role }) {
  const pathname = usePathname();
  const base = `/projects/${projectId}`;
  const items = navItems.filter((n) => !n.minRole || roleAtLeast(role, n.minRole));
  return (
    <nav aria-label="Project areas" className="flex flex-col gap-0.5 px-2">
      {items.map((item) => {
        const href = item.segment ? `${base}/${item.segment}` : base;
        const active = item.segment ? pathname === href || pathname.startsWith(`${href}/`) : pathname === base;
        const Icon = item.icon;
        return (
          <Link
            key={item.label}
            href={href}
            aria-current={active ? "page" : undefined}
            data-testid={`nav-${item.segment || "overview"}`}
            title={`${item.label} (g then ${item.key})`}
            className={cn(
              "group flex h-8 items-center gap-2.5 rounded-md px-2 text-sm",
              active ? "bg-selected font-medium text-fg" : "text-fg-muted hover:bg-hover hover:text-fg",
            )}
          >
            <Icon className={cn("size-4", active ? "text-accent" : "text-fg-subtle group-hover:text-fg-muted")} />
            <span className="flex-1">{item.label}</span>
            {item.later ? <span className="text-[10px] uppercase tracking-wide text-fg-subtle">soon</span> : null}
            <NavShortcut item={item} href={href} />
          </Link>
        );
      })}
    </nav>
  );
}

export function SidebarHint() {
  return (
    <p className="flex items-center gap-1 px-4 text-[11px] text-fg-subtle">
      Press <Kbd>?</Kbd> for shortcuts
    </p>
  );
}
