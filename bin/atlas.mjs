#!/usr/bin/env node
// The atlas CLI: runs the TypeScript sources through tsx (Node 20 cannot run TypeScript itself).
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
