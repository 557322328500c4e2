"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { authClient } from "@/components/auth/auth-client";
import { cn } from "@/components/ui/cn";
import { IconKeyboard, IconMoon, IconSignOut, IconSun, IconUser } from "@/components/ui/icons";
import { Menu, MenuItem, MenuLabel, MenuSeparator } from "@/components/ui/menu";
import { useOpenShortcutsHelp } from "@/components/ui/shortcuts";
import { useToast } from "@/components/ui/toast";
import { type ThemeChoice, useTheme } from "./theme";

const initials = (name: string, email: string) =>
  (name.trim() || email)
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("");

export function UserMenu({ user }: { user: { name: string; email: string } }) {
  const router = useRouter();
  const qc = useQueryClient();
  const toast = useToast();
  const { choice, setTheme } = useTheme();
  const openHelp = useOpenShortcutsHelp();
  const themes: Array<{ value: ThemeChoice; label: string }> = [
    { value: "system", label: "System" },
    { value: "light", label: "Light" },
    { value: "dark", label: "Dark" },
  ];
  return (
    <Menu
      side="top"
      testId="user-menu"
      ariaLabel={`Account menu for ${user.email}`}
      buttonClassName="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-hover"
      panelClassName="w-60"
      label={
        <>
          <span
            aria-hidden="true"
            className="flex size-6 shrink-0 items-center justify-center rounded-full bg-hover text-[11px] font-semibold text-fg-muted ring-1 ring-line-strong"
          >
            {initials(user.name, user.email)}
          </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm text-fg">{user.name || user.email}</span>
            <span className="block truncate text-[11px] text-fg-subtle">{user.email}</span>
          </span>
        </>
      }
    >
      {(close) => (
        <>
          <MenuItem href="/account" onSelect={close}>
            <IconUser className="size-3.5 text-fg-subtle" /> Account and password
          </MenuItem>
          <MenuItem
            onSelect={() => {
              close();
              openHelp();
            }}
          >
            <IconKeyboard className="size-3.5 text-fg-subtle" /> Keyboard shortcuts
          </MenuItem>
          <MenuSeparator />
          <MenuLabel>Theme</MenuLabel>
          <fieldset className="flex gap-1 px-1 pb-1" aria-label="Theme">
            {themes.map((t) => (
              <button
                key={t.value}
                type="button"
                role="menuitemradio"
                aria-checked={choice === t.value}
                onClick={() => setTheme(t.value)}
                className={cn(
                  "flex flex-1 items-center justify-center gap-1 rounded-md border px-1.5 py-1 text-xs",
                  choice === t.value
                    ? "border-accent bg-accent-soft text-accent"
                    : "border-line text-fg-muted hover:bg-hover",
                )}
              >
                {t.value === "light" ? (
                  <IconSun className="size-3" />
                ) : t.value === "dark" ? (
                  <IconMoon className="size-3" />
                ) : null}
                {t.label}
              </button>
            ))}
          </fieldset>
          <MenuSeparator />
          <MenuItem
            testId="sign-out"
            onSelect={async () => {
              close();
              const r = await authClient.signOut();
              if (r.error) {
                toast({ tone: "error", title: "Sign-out failed", description: r.error.message });
                return;
              }
              qc.clear();
              router.replace("/sign-in");
              router.refresh();
            }}
          >
            <IconSignOut className="size-3.5 text-fg-subtle" /> Sign out
          </MenuItem>
        </>
      )}
    </Menu>
  );
}
