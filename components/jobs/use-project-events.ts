"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";

/**
 * Live updates: the project's event stream says which job changed, and the queries that show
 * it refetch. Events are gathered for a moment so a job reporting many steps a second costs
 * a few requests, not hundreds; the screen is still current within well under 2 s.
 */
export function useProjectEvents(projectId: string) {
  const qc = useQueryClient();
  useEffect(() => {
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const ids = [...pending];
      pending.clear();
      qc.invalidateQueries({ queryKey: [...qk.jobs(projectId), "list"] });
      qc.invalidateQueries({ queryKey: qk.stats(projectId) });
      for (const id of ids) {
        qc.invalidateQueries({ queryKey: qk.job(projectId, id) });
        qc.invalidateQueries({ queryKey: qk.jobLogs(projectId, id) });
        qc.invalidateQueries({ queryKey: qk.artifacts(projectId, id) });
      }
    };
    const es = new EventSource(projectPath(projectId, "/events"));
    es.addEventListener("job", (e) => {
      try {
        const data = JSON.parse((e as MessageEvent).data) as { id?: string };
        if (data.id) pending.add(data.id);
      } catch {}
      timer ??= setTimeout(flush, 300);
    });
    let dropped = false;
    es.addEventListener("error", () => {
      dropped = true;
    });
    es.addEventListener("open", () => {
      // after a reconnect, events may have been missed: refresh everything about jobs
      if (dropped) qc.invalidateQueries({ queryKey: qk.jobs(projectId) });
      dropped = false;
    });
    return () => {
      es.close();
      clearTimeout(timer);
    };
  }, [projectId, qc]);
}
