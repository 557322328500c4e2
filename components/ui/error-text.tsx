/** An error line announced to screen readers; renders nothing without a message. */
export function ErrorText({
  message,
  className = "text-sm text-danger",
  id,
}: {
  message: string | null | undefined;
  className?: string;
  id?: string;
}) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className={className}>
      {message}
    </p>
  );
}
