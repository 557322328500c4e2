/** A unique constraint refused the write (postgres.js error, possibly wrapped by drizzle). */
export const isUniqueViolation = (e: unknown, constraint: string) => {
  const err = (e as { cause?: unknown })?.cause ?? e;
  return (
    (err as { code?: string })?.code === "23505" &&
    (err as { constraint_name?: string })?.constraint_name === constraint
  );
};
