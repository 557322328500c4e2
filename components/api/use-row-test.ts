"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { useToast } from "@/components/ui/toast";
import { api, projectPath } from "./client";

/**
 * A "Test" button per row of a list of endpoints (judges, policies): POST {base}/{id}/test, with
 * each row's last result kept until the page closes; a failed call is a toast, not a result.
 */
export function useRowTest<Row extends { id: string; name: string }, Result>(
  projectId: string,
  base: string,
  schema: z.ZodType<Result>,
) {
  const toast = useToast();
  const [tested, setTested] = useState<Record<string, Result | "running">>({});
  const test = useMutation({
    mutationFn: (row: Row) => api(projectPath(projectId, `${base}/${row.id}/test`), { method: "POST" }, schema),
    onMutate: (row) => setTested((t) => ({ ...t, [row.id]: "running" })),
    onSuccess: (r, row) => setTested((t) => ({ ...t, [row.id]: r })),
    onError: (e, row) => {
      setTested(({ [row.id]: _, ...rest }) => rest);
      toast({ tone: "error", title: `Could not test ${row.name}`, description: e.message });
    },
  });
  return { tested, test };
}
