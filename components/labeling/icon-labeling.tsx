// The Labeling area's icon: a tag, in the stroke style of components/ui/icons.
export function IconLabeling({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      className={["size-4 shrink-0", className].filter(Boolean).join(" ")}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M2 2.8v4.4l6.6 6.6a1 1 0 0 0 1.4 0l3.8-3.8a1 1 0 0 0 0-1.4L7.2 2H2.8a.8.8 0 0 0-.8.8z" />
      <circle cx="5" cy="5" r="1" />
    </svg>
  );
}
