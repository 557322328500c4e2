// atlas import FILE: the import job's plan and pages, run in this process on a local file.
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import {
  type FieldMapping,
  type ImportFormat,
  importFormatSchema,
  importFormats,
  importModeSchema,
  mappingTargets,
  type RecordError,
} from "@/lib/imports/schemas";
import { importPage, type PageResult, summarizePages } from "@/lib/imports/server/import-page";
import { ImportRejected, planImport, where } from "@/lib/imports/server/plan-import";
import { fileSource } from "@/lib/imports/server/scan";
import { info, operatorNote } from "../output";
import { resolveProject } from "../resolve-project";
import { withDb } from "../with-db";

const SHOWN_ERRORS = 20;

const mapOption = z
  .string()
  .regex(/^\w+=.*$/, "--map takes target=field, e.g. --map taskId=question_id")
  .transform((s) => {
    const at = s.indexOf("=");
    return [s.slice(0, at), s.slice(at + 1)] as const;
  })
  .refine(([target]) => (mappingTargets as readonly string[]).includes(target), {
    message: `--map targets are ${mappingTargets.join(", ")}`,
  });

function printErrors(format: ImportFormat, errors: RecordError[], invalid: number) {
  for (const e of errors.slice(0, SHOWN_ERRORS))
    for (const issue of e.errors.slice(0, 3))
      info(`  ${where(format, e)}: ${issue.path ? `${issue.path}: ` : ""}${issue.message}`);
  if (invalid > Math.min(errors.length, SHOWN_ERRORS)) info(`  ... and ${invalid - SHOWN_ERRORS} more`);
}

const describeMapping = (m: FieldMapping) =>
  Object.entries(m)
    .map(([target, field]) => `${target}=${field ?? "(none)"}`)
    .join(" ");

export function registerImportCommand(program: Command) {
  program
    .command("import <file>")
    .description("Import trajectories from a file: JSONL, JSON, an Inspect AI log (.json) or the MCP-Atlas tasks CSV")
    .option("--project <project>")
    .option("--format <format>", `${importFormats.join(", ")} (detected when left out)`)
    .option("--mode <mode>", "all-or-nothing (one bad record imports nothing) or valid-only", "all-or-nothing")
    .option(
      "--map <target=field>",
      "which of the file's fields is which, e.g. --map taskId=question_id (repeat it; target= maps nothing)",
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .action(async (file: string, o) => {
      const format = o.format ? importFormatSchema.parse(o.format) : undefined;
      const mode = importModeSchema.parse(o.mode);
      const pairs = z.array(mapOption).parse(o.map);
      const mapping: FieldMapping | undefined = pairs.length
        ? Object.fromEntries(pairs.map(([t, f]) => [t, f || null]))
        : undefined;
      // the command runs in the studio's folder: a relative path is the caller's
      const full = path.resolve(process.env.ATLAS_CALLER_CWD ?? process.cwd(), file);
      if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new Error(`No file ${full}`);
      await withDb(async ({ db }) => {
        operatorNote();
        const project = await resolveProject(db, o.project);
        const source = fileSource(full);
        info(`Reading ${path.basename(full)} (${source.size} bytes) into ${project.name}...`);
        const started = Date.now();
        const plan = await planImport({
          db,
          projectId: project.id,
          source,
          filename: path.basename(full),
          format,
          mappingOverrides: mapping,
          mode,
        }).catch((e) => {
          if (e instanceof ImportRejected) printErrors(e.report.format, e.report.errors, e.report.invalid);
          throw e;
        });
        info(
          `${plan.counts.records} records (${plan.format}), ${plan.counts.invalid} invalid, in ${plan.pages.length} pages`,
        );
        if (plan.mapping) info(`Mapping: ${describeMapping(plan.mapping)}`);
        const results: PageResult[] = [];
        const runPage = async (tx: DbOrTx, i: number) => {
          const r = await importPage({ db: tx, projectId: project.id, source, page: plan.pages[i], mode });
          results.push(r);
          const done = results.reduce((n, x) => n + x.records, 0);
          info(`  ${done}/${plan.counts.records} records`);
        };
        // all-or-nothing: every page in one transaction, so a failure or Ctrl-C leaves nothing
        if (mode === "all-or-nothing")
          await db.transaction(async (tx) => {
            for (let i = 0; i < plan.pages.length; i++) await runPage(tx, i);
          });
        else for (let i = 0; i < plan.pages.length; i++) await db.transaction((tx) => runPage(tx, i));
        const report = summarizePages(results);
        const seconds = (Date.now() - started) / 1000;
        console.log(
          `Imported ${report.records} records in ${seconds.toFixed(1)} s: ${report.created} created, ${report.exists} already there, ${report.invalid} invalid (skipped)`,
        );
        if (report.invalid) printErrors(plan.format, report.errors, report.invalid);
      });
    });
}
