// A handful of 16 px stroke icons, drawn inline (no icon package is installed).
import type { ReactNode } from "react";
import { cn } from "./cn";

function Icon({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      className={cn("size-4 shrink-0", className)}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

type P = { className?: string };
export const IconOverview = (p: P) => (
  <Icon {...p}>
    <rect x="2" y="2" width="5" height="5" rx="1" />
    <rect x="9" y="2" width="5" height="5" rx="1" />
    <rect x="2" y="9" width="5" height="5" rx="1" />
    <rect x="9" y="9" width="5" height="5" rx="1" />
  </Icon>
);
export const IconToolspaces = (p: P) => (
  <Icon {...p}>
    <path d="M8 1.8l5.5 3.1v6.2L8 14.2l-5.5-3.1V4.9z" />
    <path d="M2.5 4.9L8 8l5.5-3.1M8 8v6.2" />
  </Icon>
);
export const IconTasks = (p: P) => (
  <Icon {...p}>
    <path d="M6.5 4h7M6.5 8h7M6.5 12h7" />
    <path d="M2.3 4l1 1 1.6-1.8M2.3 8l1 1 1.6-1.8M2.3 12l1 1 1.6-1.8" />
  </Icon>
);
export const IconRubrics = (p: P) => (
  <Icon {...p}>
    <rect x="2.5" y="1.8" width="11" height="12.4" rx="1.5" />
    <path d="M5 5.5h6M5 8h6M5 10.5h3.5" />
  </Icon>
);
export const IconTrajectories = (p: P) => (
  <Icon {...p}>
    <circle cx="3.5" cy="12.5" r="1.5" />
    <circle cx="12.5" cy="3.5" r="1.5" />
    <path d="M5 12.5h4a2.5 2.5 0 0 0 0-5H7a2.5 2.5 0 0 1 0-5h4" />
  </Icon>
);
export const IconRuns = (p: P) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="6.2" />
    <path d="M6.6 5.6l4 2.4-4 2.4z" />
  </Icon>
);
export const IconLeaderboards = (p: P) => (
  <Icon {...p}>
    <path d="M2 14h12M4 14V9M8 14V3M12 14V6.5" />
  </Icon>
);
export const IconJobs = (p: P) => (
  <Icon {...p}>
    <path d="M8 1.8L14 5 8 8.2 2 5z" />
    <path d="M2 8l6 3.2L14 8M2 11l6 3.2 6-3.2" />
  </Icon>
);
export const IconSettings = (p: P) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="2.2" />
    <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" />
  </Icon>
);
export const IconPlus = (p: P) => (
  <Icon {...p}>
    <path d="M8 3v10M3 8h10" />
  </Icon>
);
export const IconChevronDown = (p: P) => (
  <Icon {...p}>
    <path d="M4 6l4 4 4-4" />
  </Icon>
);
export const IconChevronRight = (p: P) => (
  <Icon {...p}>
    <path d="M6 4l4 4-4 4" />
  </Icon>
);
export const IconChevronUpDown = (p: P) => (
  <Icon {...p}>
    <path d="M5 6l3-3 3 3M5 10l3 3 3-3" />
  </Icon>
);
export const IconArrowUp = (p: P) => (
  <Icon {...p}>
    <path d="M8 13V3M4 7l4-4 4 4" />
  </Icon>
);
export const IconArrowDown = (p: P) => (
  <Icon {...p}>
    <path d="M8 3v10M4 9l4 4 4-4" />
  </Icon>
);
export const IconSun = (p: P) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="2.8" />
    <path d="M8 1.5v1.3M8 13.2v1.3M1.5 8h1.3M13.2 8h1.3M3.4 3.4l.9.9M11.7 11.7l.9.9M3.4 12.6l.9-.9M11.7 4.3l.9-.9" />
  </Icon>
);
export const IconMoon = (p: P) => (
  <Icon {...p}>
    <path d="M13.5 9.5A5.5 5.5 0 0 1 6.5 2.5a5.5 5.5 0 1 0 7 7z" />
  </Icon>
);
export const IconSearch = (p: P) => (
  <Icon {...p}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="M10.5 10.5L14 14" />
  </Icon>
);
export const IconDownload = (p: P) => (
  <Icon {...p}>
    <path d="M8 2v8.5M4.5 7L8 10.5 11.5 7M2.5 13.5h11" />
  </Icon>
);
export const IconKeyboard = (p: P) => (
  <Icon {...p}>
    <rect x="1.5" y="3.5" width="13" height="9" rx="1.5" />
    <path d="M4 6.5h.01M6.7 6.5h.01M9.3 6.5h.01M12 6.5h.01M5 9.5h6" />
  </Icon>
);
export const IconUser = (p: P) => (
  <Icon {...p}>
    <circle cx="8" cy="5.5" r="2.8" />
    <path d="M2.5 14a5.5 5.5 0 0 1 11 0" />
  </Icon>
);
export const IconSignOut = (p: P) => (
  <Icon {...p}>
    <path d="M6 2.5H3.5a1 1 0 0 0-1 1v9a1 1 0 0 0 1 1H6M10.5 11l3-3-3-3M13.5 8H6" />
  </Icon>
);
export const IconColumns = (p: P) => (
  <Icon {...p}>
    <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
    <path d="M6 2.5v11M10 2.5v11" />
  </Icon>
);
export const IconLock = (p: P) => (
  <Icon {...p}>
    <rect x="3" y="7" width="10" height="7" rx="1.5" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </Icon>
);
export const IconFolder = (p: P) => (
  <Icon {...p}>
    <path d="M2 4.5a1 1 0 0 1 1-1h3.2l1.5 1.5H13a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1z" />
  </Icon>
);
