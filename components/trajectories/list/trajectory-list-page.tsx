"use client";
import { TrajectoryListScreen } from "./trajectory-list-screen";

// Where the list screen meets the rest of the studio: the import button goes into
// `importButton` (page header and empty state), actions on ticked rows (compare two, add to an
// annotation queue) into `selectionActions`, which gets the ticked rows and a clear function.
export function TrajectoryListPage() {
  return <TrajectoryListScreen />;
}
