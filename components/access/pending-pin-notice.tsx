import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { formatDate } from "@/lib/format";
import type { PendingLetter } from "@/lib/pin-letters/pending-letters";

/**
 * For /access: the Tax IDs waiting for a PIN letter while the account uses its other access.
 * Renders nothing when there are none.
 */
export function PendingPinNotice({ letters }: { letters: PendingLetter[] }) {
  if (letters.length === 0) return null;
  return (
    <div className="mb-6">
      <Notice tone="warning" title={letters.length === 1 ? "A PIN letter is on its way" : `${letters.length} PIN letters are on their way`}>
        <ul className="space-y-1">
          {letters.map((letter) => (
            <li key={letter.grantId}>
              {letter.maskedAddress ?? letter.organizationName}
              {letter.letterDate ? `, letter dated ${formatDate(letter.letterDate)}` : ""}.
            </li>
          ))}
        </ul>
        <p className="mt-2">
          <Link href="/access/pin">Enter a PIN</Link> when the letter arrives.
        </p>
      </Notice>
    </div>
  );
}
