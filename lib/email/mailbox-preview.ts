/**
 * The sandbox of the dev mailbox's email frame. No scripts, no same origin (the email can't read
 * or script the page around it), no pop-ups; only a click (a user activation) may send the whole
 * tab to a link's address, which is how the email's links open (see mailboxPreviewHtml).
 */
export const MAILBOX_FRAME_SANDBOX = "allow-top-navigation-by-user-activation";

const TAG_WITH_TARGET = /<(a|area)\b[^>]*>/gi;
const TARGET_ATTRIBUTE = /\s+target\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;
const BASE_TAG = /<base\b[^>]*>/gi;
const HEAD_TAG = /<head\b[^>]*>/i;

/**
 * An email's HTML as the dev mailbox's frame shows it: every link opens in this tab. React Email
 * gives links `target="_blank"`, a new window that the frame's sandbox refuses (without
 * allow-popups), so the click did nothing: here their targets go, and `<base target="_top">` sends
 * them to the top page. The `<base>` has no href, so the page's `base-uri 'none'` is kept. The
 * email as sent (the outbox row) is not changed.
 */
export function mailboxPreviewHtml(html: string): string {
  const untargeted = html.replace(BASE_TAG, "").replace(TAG_WITH_TARGET, (tag) => tag.replace(TARGET_ATTRIBUTE, ""));
  const base = '<base target="_top">';
  return HEAD_TAG.test(untargeted) ? untargeted.replace(HEAD_TAG, (head) => `${head}${base}`) : `${base}${untargeted}`;
}
