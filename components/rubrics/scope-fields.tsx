"use client";
import { useTaskSets, useTasks } from "@/components/catalog/queries";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export type RubricScope = { taskSetId: string; taskId: string };

/**
 * What a new rubric applies to: any trajectory, a task set (a template whose instructions use
 * {{task.prompt}}, {{task.reference}} and {{task.claims}} of each task), or one task.
 */
export function ScopeFields({
  projectId,
  scope,
  onChange,
}: {
  projectId: string;
  scope: RubricScope;
  onChange: (s: RubricScope) => void;
}) {
  const sets = useTaskSets(projectId);
  const tasks = useTasks(projectId, { taskSetId: scope.taskSetId, q: "", sort: "externalId", offset: 0 });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label="Task set" hint="a template for every task of the set">
        {(p) => (
          <Select
            {...p}
            value={scope.taskSetId}
            onChange={(e) => onChange({ taskSetId: e.target.value, taskId: "" })}
            data-testid="rubric-task-set"
          >
            <option value="">Any trajectory</option>
            {sets.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.tasks} tasks)
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Task" hint={scope.taskSetId ? "or one task of the set" : "choose a task set first"}>
        {(p) => (
          <Select
            {...p}
            value={scope.taskId}
            disabled={!scope.taskSetId}
            onChange={(e) => onChange({ ...scope, taskId: e.target.value })}
            data-testid="rubric-task"
          >
            <option value="">Every task of the set</option>
            {scope.taskSetId
              ? tasks.data?.items.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.externalId}: {t.prompt.slice(0, 60)}
                  </option>
                ))
              : null}
          </Select>
        )}
      </Field>
    </div>
  );
}
