/** Sign out from a page outside the portal (the second step of signing in, setting up a factor). */
export function SignOutButton({ action, label = "Sign out" }: { action: () => Promise<void>; label?: string }) {
  return (
    <form action={action}>
      <button type="submit" className="rounded-md border border-line px-3 py-1.5 text-sm font-semibold text-ink hover:border-brand hover:text-brand">
        {label}
      </button>
    </form>
  );
}
