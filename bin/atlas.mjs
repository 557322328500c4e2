#!/usr/bin/env node
// The atlas CLI: runs the TypeScript sources through tsx (Node 20 cannot run TypeScript itself).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// Commands work from the project folder wherever they are called from: the default data folder,
// the build and the demo data are all relative to it. A relative ATLAS_DATA_DIR keeps meaning
// the caller's folder.
if (process.env.ATLAS_DATA_DIR) process.env.ATLAS_DATA_DIR = path.resolve(process.env.ATLAS_DATA_DIR);
process.env.ATLAS_CALLER_CWD = process.cwd(); // for file arguments (atlas import FILE)
process.chdir(path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));

register();
await import("../cli/main.ts");
