import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { MembersScreen } from "@/components/settings/members-screen";

export const metadata: Metadata = { title: "Members" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/settings/members");
  return <MembersScreen />;
}
