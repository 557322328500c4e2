// Starts an embedded PostgreSQL on the folder given as argument and waits, to be killed -9 by a test.
import { startEmbeddedDb } from "../embedded";

const db = await startEmbeddedDb(process.argv[2]);
console.log(`up ${db.port}`);
setInterval(() => {}, 1000);
