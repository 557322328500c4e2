"use client";
import { buttonClass } from "@/components/ui/button";
import { IconDownload } from "@/components/ui/icons";
import { Menu, MenuLabel } from "@/components/ui/menu";
import { exportHref } from "./queries";

const itemClass =
  "flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm text-fg hover:bg-hover focus:bg-hover focus:outline-none";

/** Downloads the labels (all, one queue's, or one schema's) as JSONL or CSV; any member may. */
export function ExportLabelsMenu({
  projectId,
  queueId,
  labelSchemaId,
  label = "Export labels",
}: {
  projectId: string;
  queueId?: string;
  labelSchemaId?: string;
  label?: string;
}) {
  return (
    <Menu
      align="end"
      testId="export-labels"
      buttonClassName={buttonClass("secondary", "md")}
      label={
        <>
          <IconDownload className="size-3.5" /> {label}
        </>
      }
    >
      {(close) => (
        <>
          <MenuLabel>
            {queueId ? "This queue's labels" : labelSchemaId ? "This schema's labels" : "All labels"}
          </MenuLabel>
          {(["jsonl", "csv"] as const).map((f) => (
            <a
              key={f}
              role="menuitem"
              href={exportHref(projectId, f, { queueId, labelSchemaId })}
              download
              className={itemClass}
              onClick={() => close()}
              data-testid={`export-labels-${f}`}
            >
              {f === "jsonl" ? "JSON Lines (.jsonl)" : "CSV (.csv)"}
            </a>
          ))}
        </>
      )}
    </Menu>
  );
}
