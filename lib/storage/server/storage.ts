// Artifacts go through this interface; the local folder under the data directory is the
// default (an S3-compatible backend would implement the same four calls).
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getConfig } from "@/lib/config";

export interface Storage {
  write(key: string, body: Readable | Buffer | string): Promise<{ bytes: number }>;
  /** the whole file, or the bytes [start, end) of it */
  read(key: string, range?: { start: number; end: number }): Readable;
  size(key: string): Promise<number | null>;
  remove(key: string): Promise<void>;
}

function safeKey(key: string) {
  if (key.includes("..") || path.isAbsolute(key)) throw new Error(`Invalid storage key: ${key}`);
  return key;
}

export function localStorage(root = path.join(getConfig().dataDir, "artifacts")): Storage {
  const file = (key: string) => path.join(root, safeKey(key));
  return {
    async write(key, body) {
      const target = file(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      const source = typeof body === "string" || Buffer.isBuffer(body) ? Readable.from([body]) : body;
      await pipeline(source, fs.createWriteStream(tmp));
      await fs.promises.rename(tmp, target); // readers never see half a file
      return { bytes: (await fs.promises.stat(target)).size };
    },
    read: (key, range) =>
      fs.createReadStream(
        file(key),
        range ? { start: range.start, end: Math.max(range.start, range.end) - 1 } : undefined,
      ),
    async size(key) {
      return fs.promises.stat(file(key)).then(
        (s) => s.size,
        () => null,
      );
    },
    async remove(key) {
      await fs.promises.rm(file(key), { recursive: true, force: true });
    },
  };
}

export const getStorage = (): Storage => localStorage();
