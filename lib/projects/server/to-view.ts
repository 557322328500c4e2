import type { Project } from "@/db/schema";
import type { Role } from "@/lib/access/roles";
import type { ProjectView } from "../schemas";

export const toProjectView = (p: Project, role: Role | null): ProjectView => ({
  id: p.id,
  name: p.name,
  description: p.description,
  isDemo: p.isDemo,
  createdAt: p.createdAt.toISOString(),
  role,
});
