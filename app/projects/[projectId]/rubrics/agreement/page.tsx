import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { AgreementScreen } from "@/components/agreement/agreement-screen";

export const metadata: Metadata = { title: "Agreement" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/rubrics/agreement");
  return <AgreementScreen />;
}
