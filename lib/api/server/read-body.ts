import { AppError } from "@/lib/errors";

/** Reads a JSON body, refusing it past `limit` bytes without buffering more than that. */
export async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!req.body) return undefined;
  const type = req.headers.get("content-type") ?? "";
  if (type && !type.includes("json"))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with content-type: application/json");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The body is not valid JSON", "body");
  }
}

const tooLarge = (limit: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `The body is larger than this endpoint's limit of ${limit} bytes`, "body");
