import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { ApiKeysScreen } from "@/components/settings/api-keys-screen";

export const metadata: Metadata = { title: "API keys" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/settings/api-keys");
  return <ApiKeysScreen />;
}
