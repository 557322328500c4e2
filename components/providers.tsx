"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { ShortcutsProvider } from "@/components/ui/shortcuts";
import { ToastProvider } from "@/components/ui/toast";
import { ApiError } from "./api/client";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 15_000,
            // a 4xx will not change by asking again
            retry: (count, error) =>
              !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>
        <ShortcutsProvider>{children}</ShortcutsProvider>
      </ToastProvider>
    </QueryClientProvider>
  );
}
