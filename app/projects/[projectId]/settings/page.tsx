import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { GeneralSettings } from "@/components/settings/general-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/settings");
  return <GeneralSettings />;
}
