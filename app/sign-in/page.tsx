import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getSessionUser } from "@/app/_server/access";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** Only a same-site path may be a `next` target (no open redirects). */
const safeNext = (n: string | string[] | undefined) =>
  typeof n === "string" && n.startsWith("/") && !n.startsWith("//") ? n : "/";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center bg-panel px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2.5">
          <span
            className="flex size-8 items-center justify-center rounded-lg bg-accent text-sm font-bold text-accent-fg"
            aria-hidden="true"
          >
            A
          </span>
          <div>
            <h1 className="text-lg font-semibold text-fg">Sign in to Atlas Studio</h1>
            <p className="text-xs text-fg-muted">Rubrics, trajectories and runs for agents in large MCP toolspaces</p>
          </div>
        </div>
        <Suspense>
          <SignInForm next={next} />
        </Suspense>
        <p className="mt-4 text-xs text-fg-subtle">
          No account? An admin of your project adds you under Settings → Members and gives you a first password. The
          first admin is set with <code className="font-mono">ATLAS_ADMIN_EMAIL</code> when the studio starts, or
          printed on first start; <code className="font-mono">npx atlas user reset-password</code> sets a new one.
        </p>
      </div>
    </main>
  );
}
