/**
 * The self-registration FAQ, in the health plan's own words (the HealthPartners self-registration FAQ),
 * with the page of this portal that does what each answer says. `{payer}` stands for the health
 * plan's name, which the page fills in from configuration.
 */
export interface FaqLink {
  href: string;
  label: string;
}

export interface FaqEntry {
  /** Stable anchor for the question (/help#…). */
  id: string;
  question: string;
  /** The answer's paragraphs, as the FAQ says them. */
  answer: string[];
  links: FaqLink[];
}

export interface FaqGroup {
  id: "provider" | "billing";
  title: string;
  entries: FaqEntry[];
}

export const FAQ_GROUPS: FaqGroup[] = [
  {
    id: "provider",
    title: "If you are a provider",
    entries: [
      {
        id: "provider-immediate-access",
        question: "If I register today, will I have access to the portal immediately?",
        answer: ["If you have a check from {payer}, you can get immediate access. The registration process only takes a few minutes."],
        links: [{ href: "/register/provider/check", label: "Register with a check" }],
      },
      {
        id: "provider-no-check",
        question: "I don't have a {payer} check. How do I register?",
        answer: ["You can register using the \u201cRegister with US Mail\u201d option. A pin code will be mailed to your location to complete the registration."],
        links: [{ href: "/register/provider/mail", label: "Register with US Mail" }],
      },
      {
        id: "provider-non-payment-notice",
        question: "I received a non-payment notice. How do I register?",
        answer: ["Register with your Tax id, NPI and the number on the non-payment notice. Be sure to include the \u201cNP\u201d in front of the number."],
        links: [{ href: "/register/provider/notice", label: "Register with a non-payment notice" }],
      },
      {
        id: "provider-no-vendor-number",
        question: "How do I register if I do not have a vendor number?",
        answer: [
          "If you have a check from {payer}, the vendor number is on the check. (To find the vendor number, see check image on registration screen.) You may also register with a check number and your NPI.",
        ],
        links: [{ href: "/register/provider/check", label: "Register with a check (see the check image)" }],
      },
      {
        id: "provider-several-tax-ids",
        question: "We have more than one tax id. How do I know which tax id matches the check I am using to register?",
        answer: ["If you are unable to identify the tax id, you can register with the \u201cUS Mail\u201d option."],
        links: [{ href: "/register/provider/mail", label: "Register with US Mail" }],
      },
      {
        id: "provider-contact-name",
        question: "Whose name do I list for the contact?",
        answer: [
          "We need YOUR information to create an account. Because you will have access to member's Protected Health Information (PHI), we need to be able to identify you. Sharing accounts is not allowed. After you create your account, you will be able to create additional accounts for others in your organization.",
        ],
        links: [
          { href: "/register/provider", label: "Register as a provider" },
          { href: "/users", label: "Create accounts for others (Users)" },
        ],
      },
      {
        id: "provider-doctor-name",
        question: "Can I register with the doctor's name?",
        answer: ["No. Each person accessing our system needs an account in their own name."],
        links: [{ href: "/register/provider", label: "Register in your own name" }],
      },
      {
        id: "provider-not-listed",
        question: "My provider is not listed. What do I do?",
        answer: ["Choose \u201cMy provider is not listed\u201d and complete the form. A representative will contact you to assist you."],
        links: [{ href: "/register/provider/not-listed", label: "My provider is not listed" }],
      },
      {
        id: "provider-delegate-left",
        question: "The person who registered has left our organization. What do I do?",
        answer: [
          "Go ahead and register. You will be prompted to let us know why the person registered is not able to assist you when you create your account.",
        ],
        links: [
          { href: "/register/provider", label: "Register as a provider" },
          { href: "/findmydelegate", label: "Find my delegate" },
        ],
      },
      {
        id: "provider-each-tax-id",
        question: "Do I need to register for each Tax Id I need to access?",
        answer: [
          "Not at all! After you register, use the Tax ID & NPI access application to instantly add additional access to your account. If you do not have check # for validation, use the Contact us link in the Help Center for assistance.",
        ],
        links: [
          { href: "/access/add", label: "Add a Tax ID in Tax ID & NPI access" },
          { href: "/help/contact?topic=add-tax-id", label: "Contact us about a Tax ID without a check" },
        ],
      },
    ],
  },
  {
    id: "billing",
    title: "If you are a billing organization",
    entries: [
      {
        id: "billing-immediate-access",
        question: "If I register today, will I have access to the portal immediately?",
        answer: ["As soon as the provider responds to the email generated from the portal, you will have access."],
        links: [{ href: "/register/billing", label: "Register as a billing organization" }],
      },
      {
        id: "billing-manager-as-representative",
        question: "Can I list my manager or co-worker as the authorized representative for the provider?",
        answer: ["The request for access must be sent to a contact at the provider's office for approval."],
        links: [{ href: "/access/request", label: "Request access to a provider" }],
      },
      {
        id: "billing-own-tax-id",
        question: "I don't know my billing organization tax id number. Can I use the provider's tax id to register?",
        answer: ["No. You need to use the tax id for your billing organization. You will have the opportunity to add the provider's tax id after creating your account."],
        links: [{ href: "/register/billing", label: "Register as a billing organization" }],
      },
      {
        id: "billing-under-provider-account",
        question: "Can the provider set up an account for me under their account?",
        answer: ["No. Billing services need to register separately through the billing organization option."],
        links: [{ href: "/register/billing", label: "Register as a billing organization" }],
      },
      {
        id: "billing-account-per-provider",
        question: "Do I need to create a new account for each provider for which I bill?",
        answer: ["No. Once you are registered you can request access to all the providers that you need. Go to \u201cTax id and NPI access\u201d to request additional providers."],
        links: [{ href: "/access/request", label: "Request access to another provider" }],
      },
      {
        id: "billing-request-status",
        question: "How will I know if the provider has answered the request?",
        answer: ["You can check the status of your request by selecting the \u201cTax ID & NPI access\u201d application on the provider portal. Status appears in the right column."],
        links: [{ href: "/access", label: "Tax ID & NPI access" }],
      },
      {
        id: "billing-no-answer",
        question: "What if the provider doesn't answer the email authorization I requested?",
        answer: [
          "Contact the provider to request that they respond to the email from {payer}.",
          "If it has been more than 30 days, you will need to re-request that the authorization be sent to the provider.",
        ],
        links: [{ href: "/access", label: "See and re-send your requests in Tax ID & NPI access" }],
      },
    ],
  },
];

/** Fills in the health plan's name. */
export function withPayer(text: string, payerName: string): string {
  return text.replaceAll("{payer}", payerName);
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u201c\u201d"'#]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Whether an entry matches what was typed: every word of the query appears in the question or
 * the answer (in any order), so "pin mail" finds the US Mail answer. An empty query matches all.
 */
export function matchesFaq(entry: FaqEntry, query: string, payerName: string): boolean {
  const words = normalize(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalize(withPayer([entry.question, ...entry.answer, ...entry.links.map((link) => link.label)].join(" "), payerName));
  return words.every((word) => haystack.includes(word));
}

/** The groups with only the matching entries (a group with none is dropped). */
export function searchFaq(query: string, payerName: string): FaqGroup[] {
  return FAQ_GROUPS.map((group) => ({ ...group, entries: group.entries.filter((entry) => matchesFaq(entry, query, payerName)) })).filter((group) => group.entries.length > 0);
}

export function countMatches(groups: FaqGroup[]): number {
  return groups.reduce((total, group) => total + group.entries.length, 0);
}

export function describeMatches(count: number): string {
  if (count === 0) return "No questions match";
  return count === 1 ? "1 question matches" : `${count} questions match`;
}
