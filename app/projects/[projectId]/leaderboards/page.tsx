import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { LeaderboardScreen } from "@/components/leaderboards/leaderboard-screen";

export const metadata: Metadata = { title: "Leaderboards" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/leaderboards");
  return <LeaderboardScreen />;
}
