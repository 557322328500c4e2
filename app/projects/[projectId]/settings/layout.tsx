import type { ReactNode } from "react";
import { getProjectAccess } from "@/app/_server/access";
import { SettingsNeedAdmin } from "@/components/settings/need-admin";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { roleAtLeast } from "@/lib/access/roles";

/** Settings are for admins; the check is here on the server, not only in the hidden nav link. */
export default async function SettingsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const access = await getProjectAccess(projectId);
  if (access.kind !== "member") return children; // the project layout has answered; the page redirects to sign-in
  if (!roleAtLeast(access.role, "admin")) return <SettingsNeedAdmin role={access.role} projectId={projectId} />;
  return (
    <>
      <SettingsTabs projectId={projectId} />
      {children}
    </>
  );
}
