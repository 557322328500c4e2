"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { authClient } from "./auth-client";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ email?: string; password?: string; form?: string }>({});
  const [pending, setPending] = useState(false);
  // Until the page is interactive the form stays disabled: a native submit would put the
  // password in the URL.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  return (
    <form
      noValidate
      data-testid="sign-in-form"
      className="flex flex-col gap-4 rounded-lg border border-line bg-raised p-5 shadow-sm"
      onSubmit={async (e) => {
        e.preventDefault();
        const local: typeof errors = {};
        if (!/^\S+@\S+\.\S+$/.test(email.trim())) local.email = "Enter your email address, e.g. ada@lab.org";
        if (!password) local.password = "Enter your password";
        setErrors(local);
        if (local.email || local.password) return;
        setPending(true);
        const r = await authClient.signIn.email({ email: email.trim(), password });
        setPending(false);
        if (r.error) {
          const invalid = r.error.status === 401 || r.error.code === "INVALID_EMAIL_OR_PASSWORD";
          setErrors({
            form: invalid
              ? "That email and password do not match. Check both, or ask a project admin to reset your password."
              : (r.error.message ?? "Sign-in failed; try again"),
          });
          return;
        }
        router.replace(next);
        router.refresh();
      }}
    >
      <fieldset disabled={!ready} className="flex min-w-0 flex-col gap-4">
        <Field label="Email" error={errors.email}>
          {(p) => (
            <Input
              {...p}
              type="email"
              name="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="sign-in-email"
            />
          )}
        </Field>
        <Field label="Password" error={errors.password}>
          {(p) => (
            <Input
              {...p}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="sign-in-password"
            />
          )}
        </Field>
        {errors.form ? (
          <p
            role="alert"
            data-testid="sign-in-error"
            className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger"
          >
            {errors.form}
          </p>
        ) : null}
        <Button type="submit" variant="primary" loading={pending} className="w-full" data-testid="sign-in-submit">
          Sign in
        </Button>
      </fieldset>
    </form>
  );
}
