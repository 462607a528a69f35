import type { Executor } from "@/db/client";
import type { RequestContext } from "@/lib/client-context";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";

/** "Chrome on Windows" from a User-Agent header: enough for a person to recognise their device. */
export function describeDevice(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\/|Chromium\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Mac OS X|Macintosh/.test(userAgent)
        ? "macOS"
        : /Android/.test(userAgent)
          ? "Android"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (!browser && !system) return "Unknown device";
  return [browser ?? "A browser", system ? `on ${system}` : null].filter(Boolean).join(" ");
}

/**
 * Queues a security notice to an account's owner (inside the caller's transaction): what changed,
 * when, and from which device and address. `change` is one plain sentence.
 */
export async function queueSecurityNotice(
  executor: Executor,
  person: { email: string; firstName: string },
  change: string,
  context: RequestContext | null,
  options: { now?: Date; accountPath?: string; subject?: string } = {},
): Promise<void> {
  const config = env();
  const from = [describeDevice(context?.userAgent), context?.clientAddress].filter(Boolean).join(", ") || null;
  await enqueueEmail(executor, {
    template: "security-notice",
    to: person.email,
    props: {
      payerName: config.PAYER_NAME,
      firstName: person.firstName,
      change,
      when: `${formatDateTime(options.now ?? new Date())} Central`,
      from,
      accountUrl: `${config.APP_URL}${options.accountPath ?? "/account"}`,
      ...(options.subject ? { subject: options.subject } : {}),
    },
  });
}
