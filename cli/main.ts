import { Command } from "commander";
import { openDatabase } from "@/db/database";
import { runMigrations } from "@/db/migrate";
import { getConfig } from "@/lib/config";
import { buildIfNeeded } from "./build";
import { registerAccountCommands } from "./commands/accounts";
import { registerBenchCommands } from "./commands/bench";
import { registerExportCommand } from "./commands/export";
import { registerImportCommand } from "./commands/import";
import { registerJobCommands } from "./commands/jobs";
import { describeError, info } from "./output";

const program = new Command("atlas")
  .description("Atlas Studio: train and evaluate small agents in large MCP toolspaces")
  .showHelpAfterError();

program
  .command("start")
  .description("Start the studio: database, migrations, demo data on first start, web server and one worker")
  .option("--dev", "run the Next.js development server instead of a production build")
  .action(async (o) => (await import("./commands/start")).start({ dev: Boolean(o.dev) }));

program
  .command("build")
  .description("Build the web app for production (start does this itself when the sources changed)")
  .action(() => {
    if (!buildIfNeeded(info)) info("The build is current.");
  });

program
  .command("worker")
  .description("Run a worker (start as many as you like)")
  .action(async () => (await import("./commands/worker")).worker());

program
  .command("migrate")
  .description("Apply database migrations (safe to run twice)")
  .action(async () => {
    const db = await openDatabase(getConfig().dataDir, { attach: true });
    try {
      await runMigrations(db.url);
      console.log("Migrations applied");
    } finally {
      await db.stop();
    }
  });

registerAccountCommands(program);
registerJobCommands(program);
registerImportCommand(program);
registerExportCommand(program);
registerBenchCommands(program);

program.parseAsync(process.argv).catch((err) => {
  info(`atlas: ${describeError(err)}`);
  process.exit(1);
});
