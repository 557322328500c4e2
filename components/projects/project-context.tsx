"use client";
import { createContext, type ReactNode, useContext } from "react";
import { type Role, roleAtLeast } from "@/lib/access/roles";

export type CurrentProject = { id: string; name: string; role: Role };

const ProjectContext = createContext<CurrentProject | null>(null);

export function ProjectProvider({ project, children }: { project: CurrentProject; children: ReactNode }) {
  return <ProjectContext.Provider value={project}>{children}</ProjectContext.Provider>;
}

export function useProject(): CurrentProject {
  const p = useContext(ProjectContext);
  if (!p) throw new Error("useProject needs <ProjectProvider> (a page under /projects/[projectId])");
  return p;
}

export const useOptionalProject = () => useContext(ProjectContext);

/** Whether the current member may do what `need` allows (the API checks again). */
export function useCan(need: Role) {
  return roleAtLeast(useProject().role, need);
}
