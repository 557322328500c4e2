"use client";
import { type ReactNode, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { IconDownload } from "@/components/ui/icons";

const trajectoryHint =
  "JSONL or JSON with OpenAI-style messages (one episode per record), canonical atlas.trajectory/v1 records, an Inspect AI eval log (.json), or the MCP-Atlas tasks CSV. Up to 2 GB.";

/** Drop a file here, or press it (Enter/Space) to pick one; one file at a time. */
export function DropZone({
  onFile,
  busy,
  what = "a trajectory file",
  hint = trajectoryHint,
  accept = ".jsonl,.ndjson,.json,.csv,application/json,text/csv",
}: {
  onFile: (f: File) => void;
  busy?: boolean;
  /** what to drop, e.g. "a rubric file" */
  what?: string;
  hint?: ReactNode;
  accept?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <section
      data-testid="import-drop-zone"
      aria-label={`Drop ${what} here`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files?.[0];
        if (f) onFile(f);
      }}
      className={cn(
        "flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors",
        over ? "border-accent bg-accent-soft" : "border-line-strong bg-panel",
      )}
    >
      <IconDownload className="size-6 rotate-180 text-fg-subtle" aria-hidden="true" />
      <p className="text-sm text-fg">
        Drop {what} here, or{" "}
        <button
          type="button"
          disabled={busy}
          onClick={() => input.current?.click()}
          className="font-medium text-accent underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent"
        >
          choose one
        </button>
      </p>
      <p className="max-w-md text-xs text-fg-subtle">{hint}</p>
      <input
        ref={input}
        type="file"
        data-testid="import-file-input"
        accept={accept}
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = "";
        }}
      />
    </section>
  );
}
