// Writes docs/trajectory.schema.json from lib/trajectories/format.ts.
import fs from "node:fs";
import { trajectoryJsonSchemaText } from "@/lib/trajectories/json-schema";

fs.writeFileSync("docs/trajectory.schema.json", trajectoryJsonSchemaText());
console.log("docs/trajectory.schema.json written");
