// Writes toolspace/servers/tools.snapshot.json from the bundled servers' live tool listings.
import { writeFile } from "node:fs/promises";
import { listBundledTools, SNAPSHOT_PATH } from "@/toolspace/servers/snapshot";

const servers = await listBundledTools();
await writeFile(SNAPSHOT_PATH, `${JSON.stringify(servers, null, 2)}\n`);
const total = servers.reduce((n, s) => n + s.tools.length, 0);
console.log(`${SNAPSHOT_PATH}: ${servers.length} servers, ${total} tools`);
