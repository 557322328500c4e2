// Query keys in one place, so that an event can invalidate exactly what it changed.
export const qk = {
  me: ["me"] as const,
  projects: ["projects"] as const,
  project: (id: string) => ["project", id] as const,
  stats: (id: string) => ["project", id, "stats"] as const,
  members: (id: string) => ["project", id, "members"] as const,
  apiKeys: (id: string) => ["project", id, "api-keys"] as const,
  jobs: (id: string) => ["project", id, "jobs"] as const,
  jobList: (id: string, filters: object) => ["project", id, "jobs", "list", filters] as const,
  job: (id: string, jobId: string) => ["project", id, "jobs", "one", jobId] as const,
  jobLogs: (id: string, jobId: string) => ["project", id, "jobs", "logs", jobId] as const,
  artifacts: (id: string, jobId: string) => ["project", id, "artifacts", jobId] as const,
  toolspaces: (id: string) => ["project", id, "toolspaces"] as const,
  tools: (id: string, toolspaceId: string, q: object) =>
    ["project", id, "toolspaces", toolspaceId, "tools", q] as const,
  taskSets: (id: string) => ["project", id, "task-sets"] as const,
  tasks: (id: string, q: object) => ["project", id, "tasks", q] as const,
};
