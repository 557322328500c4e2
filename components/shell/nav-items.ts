import type { ComponentType } from "react";
import { IconLabeling } from "@/components/labeling/icon-labeling";
import {
  IconJobs,
  IconLeaderboards,
  IconOverview,
  IconRubrics,
  IconRuns,
  IconSettings,
  IconTasks,
  IconToolspaces,
  IconTrajectories,
} from "@/components/ui/icons";
import type { Role } from "@/lib/access/roles";

export type NavItem = {
  /** the path segment after /projects/[projectId] ("" for the overview) */
  segment: string;
  label: string;
  icon: ComponentType<{ className?: string }>;
  /** second key of the `g` sequence */
  key: string;
  minRole?: Role;
  later?: boolean;
};

export const navItems: NavItem[] = [
  { segment: "", label: "Overview", icon: IconOverview, key: "o" },
  { segment: "toolspaces", label: "Toolspaces", icon: IconToolspaces, key: "l" },
  { segment: "tasks", label: "Tasks", icon: IconTasks, key: "t" },
  { segment: "rubrics", label: "Rubrics", icon: IconRubrics, key: "r" },
  { segment: "trajectories", label: "Trajectories", icon: IconTrajectories, key: "y" },
  { segment: "labeling", label: "Labeling", icon: IconLabeling, key: "a" },
  { segment: "runs", label: "Runs", icon: IconRuns, key: "u" },
  { segment: "leaderboards", label: "Leaderboards", icon: IconLeaderboards, key: "b" },
  { segment: "jobs", label: "Jobs", icon: IconJobs, key: "j" },
  { segment: "settings", label: "Settings", icon: IconSettings, key: "s", minRole: "admin" },
];

export const areaLabel = (segment: string) => navItems.find((n) => n.segment === segment)?.label;
