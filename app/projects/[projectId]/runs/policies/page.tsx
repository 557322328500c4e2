import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { PoliciesScreen } from "@/components/policies/policies-screen";

export const metadata: Metadata = { title: "Policies" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/runs/policies");
  return <PoliciesScreen />;
}
