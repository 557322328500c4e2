// A file import begins: the body streams into artifact storage (never held in memory), the
// file is recorded as an artifact, and the import job is launched on it.
import { randomUUID } from "node:crypto";
import { pipeline, type Readable, Transform } from "node:stream";
import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { artifacts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type Launcher, launchJob } from "@/lib/jobs/server/launch-job";
import { getStorage } from "@/lib/storage/server/storage";
import { IMPORT_BODY_LIMIT, type importQuery } from "../schemas";
import { artifactSource } from "./artifact-source";
import { resolveFormat } from "./plan-import";

export const tooLarge = (limit: number) =>
  new AppError(
    "PAYLOAD_TOO_LARGE",
    `The file is larger than the import limit of ${limit} bytes: split it into several files`,
    "body",
  );

function limited(limit: number) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      done(seen > limit ? tooLarge(limit) : null, chunk);
    },
  });
}

const safeName = (name: string) => name.replace(/[^\w.-]+/g, "_").slice(-120) || "upload";

export async function startImport({
  db,
  boss,
  projectId,
  by,
  body,
  contentLength,
  query,
  limit = IMPORT_BODY_LIMIT,
}: {
  db: Db;
  boss: PgBoss;
  projectId: string;
  by: Launcher;
  body: Readable | null;
  contentLength?: number | null;
  query: z.output<typeof importQuery>;
  limit?: number;
}) {
  if (contentLength && contentLength > limit) throw tooLarge(limit);
  if (!body) throw new AppError("VALIDATION", "The body is empty: send the file's bytes as the request body", "body");
  const storage = getStorage();
  const id = randomUUID();
  const folder = `imports/${projectId}/${id}`;
  const key = `${folder}/${safeName(query.filename)}`;
  try {
    const counted = limited(limit);
    pipeline(body, counted, () => {}); // a dropped upload or the limit ends the write with an error
    const { bytes } = await storage.write(key, counted);
    if (bytes === 0)
      throw new AppError("VALIDATION", "The body is empty: send the file's bytes as the request body", "body");
    // a file whose format cannot be told is refused now, not minutes later by the job
    await resolveFormat(artifactSource({ key, bytes }), query.filename, query.format).catch((e: Error) => {
      throw new AppError("VALIDATION", e.message, "file");
    });
    await db.insert(artifacts).values({
      id,
      projectId,
      kind: "import",
      key,
      filename: query.filename,
      contentType: "application/octet-stream",
      bytes,
    });
    const job = await launchJob({
      db,
      boss,
      projectId,
      by,
      input: {
        type: "trajectories.import",
        payload: {
          artifactId: id,
          mode: query.mode,
          ...(query.format ? { format: query.format } : {}),
          ...(query.mapping ? { mapping: query.mapping } : {}),
        },
      },
    });
    await db.update(artifacts).set({ jobId: job.id }).where(eq(artifacts.id, id));
    return job;
  } catch (e) {
    await db.delete(artifacts).where(eq(artifacts.id, id));
    await storage.remove(folder);
    throw e;
  }
}
