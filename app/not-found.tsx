import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md rounded-lg border border-line bg-raised p-6">
        <p className="text-xs font-medium uppercase tracking-wide text-fg-subtle">404</p>
        <h1 className="mt-1 text-lg font-semibold">This page does not exist</h1>
        <p className="mt-2 text-sm text-fg-muted">The address may be mistyped, or what it pointed to was removed.</p>
        <div className="mt-4">
          <ButtonLink href="/">Go to the studio</ButtonLink>
        </div>
      </div>
    </main>
  );
}
