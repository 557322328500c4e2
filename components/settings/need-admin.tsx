import { ButtonLink } from "@/components/ui/button";
import { IconLock } from "@/components/ui/icons";
import type { Role } from "@/lib/access/roles";
import { roleDescriptions } from "@/lib/access/roles";

export function SettingsNeedAdmin({ role, projectId }: { role: Role; projectId: string }) {
  return (
    <div
      className="mx-auto mt-12 max-w-lg rounded-lg border border-line bg-raised p-6"
      data-testid="settings-need-admin"
    >
      <div className="mb-3 flex items-center gap-2 text-fg-muted">
        <IconLock />
        <span className="text-xs font-medium uppercase tracking-wide">403 · Admins only</span>
      </div>
      <h1 className="text-lg font-semibold text-fg">
        Settings need the admin role in this project; you are {role === "admin" || role === "editor" ? "an" : "a"}{" "}
        {role}
      </h1>
      <p className="mt-2 text-sm text-fg-muted">
        Members, API keys and the project's name are managed by its admins. As {role} you can:{" "}
        {roleDescriptions[role].toLowerCase()}. Ask an admin if you need more.
      </p>
      <div className="mt-4">
        <ButtonLink href={`/projects/${projectId}`}>Back to the overview</ButtonLink>
      </div>
    </div>
  );
}
