import type { Command } from "commander";
import { asc } from "drizzle-orm";
import { projects } from "@/db/schema";
import { scopes } from "@/lib/access/roles";
import { createApiKeyInput } from "@/lib/api-keys/schemas";
import { createApiKey } from "@/lib/api-keys/server/create-api-key";
import { listApiKeys } from "@/lib/api-keys/server/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/server/revoke-api-key";
import { operatorNote, table } from "../output";
import { resolveProject } from "../resolve-project";
import { withDb } from "../with-db";

export function registerAccountCommands(program: Command) {
  const user = program.command("user").description("Accounts");
  user
    .command("create")
    .requiredOption("--email <email>")
    .option("--name <name>")
    .option("--password <password>", "at least 8 characters; generated and printed when omitted")
    .option("--project <project>", "also add the user to this project (id or name)")
    .option("--role <role>", "their role in --project: admin, editor, labeler or viewer", "viewer")
    .description("Create a user who signs in with email and password")
    .action(async (o) =>
      withDb(async ({ db }) => {
        operatorNote();
        // password hashing loads better-auth: only the commands that need it pay for it
        const { createUser } = await import("@/lib/auth/server/create-user");
        const { addMember } = await import("@/lib/projects/server/members");
        const u = await createUser({ db, input: { email: o.email, name: o.name, password: o.password } });
        console.log(`Created ${u.email}`);
        if (u.generated) console.log(`Password (shown once): ${u.password}`);
        if (o.project) {
          const p = await resolveProject(db, o.project);
          await addMember({ db, projectId: p.id, input: { email: u.email, role: o.role } });
          console.log(`Added to ${p.name} as ${o.role}`);
        }
      }),
    );
  user
    .command("reset-password")
    .requiredOption("--email <email>")
    .option("--password <password>", "generated and printed when omitted")
    .description("Set a new password and sign the user out everywhere")
    .action(async (o) =>
      withDb(async ({ db }) => {
        operatorNote();
        const { resetPassword } = await import("@/lib/auth/server/reset-password");
        const r = await resetPassword({ db, input: { email: o.email, password: o.password } });
        console.log(
          o.password ? `Password of ${r.email} changed` : `New password of ${r.email} (shown once): ${r.password}`,
        );
      }),
    );

  const apikey = program.command("apikey").description("Project API keys");
  apikey
    .command("create")
    .option("--project <project>", "id or name; the first-start project when omitted")
    .option("--name <name>", "what the key is for", "cli")
    .requiredOption("--scopes <scopes>", `comma-separated: ${scopes.join(", ")}`)
    .description("Create an API key; its secret is printed once")
    .action(async (o) =>
      withDb(async ({ db }) => {
        operatorNote();
        const p = await resolveProject(db, o.project);
        const input = createApiKeyInput.parse({
          name: o.name,
          scopes: String(o.scopes)
            .split(",")
            .map((s) => s.trim()),
        });
        const k = await createApiKey({ db, projectId: p.id, userId: null, input });
        console.log(`Created key '${k.name}' for ${p.name} with scopes ${k.scopes.join(", ")}`);
        console.log(`Secret (shown once): ${k.key}`);
      }),
    );
  apikey
    .command("list")
    .option("--project <project>")
    .action(async (o) =>
      withDb(async ({ db }) => {
        const p = await resolveProject(db, o.project);
        const keys = await listApiKeys({ db, projectId: p.id });
        table(
          keys.map((k) => ({
            id: k.id,
            name: k.name,
            prefix: k.prefix,
            scopes: k.scopes.join(","),
            revoked: k.revokedAt ?? "",
          })),
        );
      }),
    );
  apikey
    .command("revoke <keyId>")
    .option("--project <project>")
    .action(async (keyId, o) =>
      withDb(async ({ db }) => {
        operatorNote();
        const p = await resolveProject(db, o.project);
        const k = await revokeApiKey({ db, projectId: p.id, keyId });
        console.log(`Revoked '${k.name}'`);
      }),
    );

  const project = program.command("project").description("Projects");
  project.command("list").action(async () =>
    withDb(async ({ db }) => {
      const rows = await db.select().from(projects).orderBy(asc(projects.createdAt));
      table(rows.map((p) => ({ id: p.id, name: p.name, demo: p.isDemo ? "yes" : "" })));
    }),
  );
}
