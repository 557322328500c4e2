import { createHash, randomBytes } from "node:crypto";

export const KEY_PREFIX = "atlas_";
export const newSecret = () => KEY_PREFIX + randomBytes(32).toString("base64url");
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");
/** what lists show so a user can tell keys apart */
export const displayPrefix = (secret: string) => secret.slice(0, KEY_PREFIX.length + 6);
