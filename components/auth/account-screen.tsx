"use client";
import { useState } from "react";
import { type ThemeChoice, useTheme } from "@/components/shell/theme";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorText } from "@/components/ui/error-text";
import { Field, Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { authClient } from "./auth-client";

const MIN_PASSWORD = 8;

export function AccountScreen({ user }: { user: { name: string; email: string } }) {
  const { choice, setTheme } = useTheme();
  return (
    <div className="max-w-2xl">
      <PageHeader title="Account" description={`Signed in as ${user.email}`} />
      <div className="flex flex-col gap-4">
        <ChangePasswordCard />
        <Card>
          <CardHeader
            title="Appearance"
            description="Stored in this browser. System follows your operating system's setting."
          />
          <CardBody>
            <Field label="Theme" className="max-w-48">
              {(p) => (
                <Select {...p} value={choice} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
                  <option value="system">System</option>
                  <option value="light">Light</option>
                  <option value="dark">Dark</option>
                </Select>
              )}
            </Field>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}

function ChangePasswordCard() {
  const toast = useToast();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<{ current?: string; next?: string; confirm?: string; form?: string }>({});
  const [pending, setPending] = useState(false);
  return (
    <Card>
      <CardHeader title="Change password" description="Other browsers and devices signed in as you are signed out." />
      <CardBody>
        <form
          noValidate
          className="flex max-w-md flex-col gap-4"
          onSubmit={async (e) => {
            e.preventDefault();
            const local: typeof errors = {};
            if (!current) local.current = "Enter your current password";
            if (next.length < MIN_PASSWORD) local.next = `Use at least ${MIN_PASSWORD} characters`;
            else if (next === current) local.next = "Choose a password different from the current one";
            if (confirm !== next) local.confirm = "The two new passwords differ";
            setErrors(local);
            if (Object.keys(local).length) return;
            setPending(true);
            const r = await authClient.changePassword({
              currentPassword: current,
              newPassword: next,
              revokeOtherSessions: true,
            });
            setPending(false);
            if (r.error) {
              const wrong = r.error.code === "INVALID_PASSWORD" || r.error.status === 400 || r.error.status === 401;
              setErrors(
                wrong && /password/i.test(r.error.message ?? "")
                  ? { current: "That is not your current password" }
                  : { form: r.error.message ?? "The password could not be changed" },
              );
              return;
            }
            setCurrent("");
            setNext("");
            setConfirm("");
            toast({ title: "Password changed", description: "Other sessions were signed out." });
          }}
        >
          <Field label="Current password" error={errors.current}>
            {(p) => (
              <Input
                {...p}
                type="password"
                autoComplete="current-password"
                value={current}
                onChange={(e) => setCurrent(e.target.value)}
              />
            )}
          </Field>
          <Field label="New password" hint={`At least ${MIN_PASSWORD} characters`} error={errors.next}>
            {(p) => (
              <Input
                {...p}
                type="password"
                autoComplete="new-password"
                value={next}
                onChange={(e) => setNext(e.target.value)}
              />
            )}
          </Field>
          <Field label="New password, again" error={errors.confirm}>
            {(p) => (
              <Input
                {...p}
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            )}
          </Field>
          <ErrorText message={errors.form} />
          <div>
            <Button type="submit" variant="primary" loading={pending}>
              Change password
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
