import type { Artifact } from "@/db/schema";
import { getStorage } from "@/lib/storage/server/storage";
import type { Source } from "./read-records";

/** An uploaded file in artifact storage, read whole or by byte range. */
export function artifactSource(artifact: Pick<Artifact, "key" | "bytes">): Source {
  const storage = getStorage();
  return { size: artifact.bytes, open: (range) => storage.read(artifact.key, range) };
}
