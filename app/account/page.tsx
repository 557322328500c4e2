import type { Metadata } from "next";
import { requireUser } from "@/app/_server/access";
import { AccountScreen } from "@/components/auth/account-screen";
import { AppShell } from "@/components/shell/app-shell";

export const metadata: Metadata = { title: "Account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <AppShell user={user}>
      <AccountScreen user={user} />
    </AppShell>
  );
}
