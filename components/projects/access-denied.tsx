import { ButtonLink } from "@/components/ui/button";
import { IconLock } from "@/components/ui/icons";

/** The 403/404 answer for project pages, in words: what happened and what to do about it. */
export function ProjectAccessDenied({ kind, projectName }: { kind: "not-member" | "not-found"; projectName?: string }) {
  return (
    <div
      className="mx-auto mt-16 max-w-lg rounded-lg border border-line bg-raised p-6"
      data-testid="project-access-denied"
    >
      <div className="mb-3 flex items-center gap-2 text-fg-muted">
        <IconLock />
        <span className="text-xs font-medium uppercase tracking-wide">
          {kind === "not-member" ? "403 · No access" : "404 · Not found"}
        </span>
      </div>
      <h1 className="text-lg font-semibold text-fg">
        {kind === "not-member"
          ? `You are not a member of ${projectName ? `“${projectName}”` : "this project"}`
          : "There is no such project"}
      </h1>
      <p className="mt-2 text-sm text-fg-muted">
        {kind === "not-member"
          ? "Projects are private to their members. Ask one of its admins to add your email under Settings → Members, with the role you need."
          : "The link may be mistyped, or the project was deleted. Your projects are listed on the Projects page."}
      </p>
      <div className="mt-4">
        <ButtonLink href="/projects">Go to your projects</ButtonLink>
      </div>
    </div>
  );
}
