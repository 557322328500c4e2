"use client";
import { usePathname } from "next/navigation";
import { TabNav } from "@/components/ui/tab-nav";

export function SettingsTabs({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  const base = `/projects/${projectId}/settings`;
  const tabs = [
    { href: base, label: "General" },
    { href: `${base}/members`, label: "Members" },
    { href: `${base}/api-keys`, label: "API keys" },
  ];
  return (
    <div className="mb-5">
      <h1 className="text-xl font-semibold tracking-tight text-fg">Settings</h1>
      <TabNav label="Settings sections" tabs={tabs} activeHref={pathname} />
    </div>
  );
}
