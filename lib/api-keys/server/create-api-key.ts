import type { DbOrTx } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { type CreateApiKeyInput, createApiKeyInput } from "../schemas";
import { displayPrefix, hashSecret, newSecret } from "./key-format";
import { toApiKeyView } from "./to-view";

export async function createApiKey({
  db,
  projectId,
  userId,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  userId: string | null;
  input: CreateApiKeyInput;
}) {
  const { name, scopes } = createApiKeyInput.parse(input);
  const secret = newSecret();
  const [row] = await db
    .insert(apiKeys)
    .values({
      projectId,
      name,
      scopes: [...new Set(scopes)],
      prefix: displayPrefix(secret),
      hash: hashSecret(secret),
      createdBy: userId,
    })
    .returning();
  return { ...toApiKeyView(row), key: secret };
}
