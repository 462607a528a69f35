import { expect, test, type Browser, type Page } from "@playwright/test";
import { tabTo, typeInto } from "./keyboard-helpers";
import { readInvitationLink } from "./invitation-mail";
import { openEmail } from "./mailbox";
import { expectAccessible, readVerificationLink, signIn, uniqueEmail, watchConsole } from "./support";

const PAT = { email: "pat.morgan@northside.example", password: "northside-demo-pass" };
const BILLING = { firstName: "Jamie", lastName: "Cruz", password: "ledger lines and claims" };
const FAQ_TAX_ID = "You need to use the tax ID for your billing organization. You will be able to add the provider's tax ID after creating your account.";
const NOT_FOUND = "We can't find that page";
const FAQ_CONTACT = "The request for access must be sent to a contact at the provider's office for approval.";

async function person(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, problems: watchConsole(page) };
}

/** The billing user's request row for Northside (table from 1280 px), Status in the right-most cell. */
function northsideRequest(page: Page) {
  return page.getByRole("region", { name: "Your requests to providers" }).getByRole("row").filter({ hasText: "41-2345678" });
}

/** Pat opens the newest approval email's Approve (or Deny) button, signs in, and answers on the request's page by keyboard. */
async function patAnswers(pat: Page, answer: "Approve" | "Deny", signInFirst: boolean): Promise<string> {
  const { href } = await openEmail(pat, PAT.email, /Accurate Billing Services asks for access to Northside Pediatrics/, new RegExp(`^${answer}$`));
  expect(href).toMatch(/\/access\/requests\/[0-9a-f-]{36}\?answer=(approve|deny)&token=[A-Za-z0-9_-]{43}$/);
  await pat.goto(href!);
  if (signInFirst) {
    await expect(pat).toHaveURL(/\/signin\?callbackUrl=/);
    await signIn(pat, PAT.email, PAT.password);
  }
  await expect(pat).toHaveURL(/\/access\/requests\/[0-9a-f-]{36}\?/);
  await expect(pat.getByRole("heading", { level: 1, name: "Accurate Billing Services asks for access to Northside Pediatrics" })).toBeVisible();
  await expect(pat.getByText(`You chose ${answer} in the email.`)).toBeVisible();
  // Opening the link changed nothing: still pending.
  await expect(pat.getByRole("heading", { name: /The request/ })).toContainText("Pending");
  await expectAccessible(pat);
  await tabTo(pat, pat.getByRole("button", { name: `${answer} access` }));
  await pat.keyboard.press("Enter");
  await expect(pat.getByRole("status").filter({ hasText: answer === "Approve" ? "Request approved." : "Request denied." })).toBeFocused();
  await expectAccessible(pat);
  return href!;
}

test("a billing organization registers, asks Northside's delegate, is approved, removed, asks again and is denied", async ({ browser }) => {
  const billing = await person(browser);
  const page = billing.page;
  const email = uniqueEmail("jamie.cruz");

  // Register: "I work for a billing organization".
  await page.goto("/register");
  await page.getByRole("link", { name: /I work for a billing organization/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Register your billing organization" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Billing organization name" }).fill("Accurate Billing Services");
  // A provider's Tax ID first: the FAQ's answer, and nothing typed is lost.
  await page.getByRole("textbox", { name: "Your billing organization's Tax ID" }).fill("41-2345678");
  await page.getByRole("textbox", { name: "Street address" }).fill("900 Ledger Way");
  await page.getByRole("textbox", { name: "City" }).fill("Edina");
  await page.getByRole("combobox", { name: "State" }).selectOption("MN");
  await page.getByRole("textbox", { name: "ZIP code" }).fill("55435");
  await page.getByRole("textbox", { name: "First name" }).fill(BILLING.firstName);
  await page.getByRole("textbox", { name: "Last name" }).fill(BILLING.lastName);
  await page.getByRole("textbox", { name: "Work email" }).fill(email);
  await page.getByRole("textbox", { name: "Work phone" }).fill("952-555-0144");
  await page.getByLabel("Password", { exact: true }).fill(BILLING.password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: FAQ_TAX_ID }).first()).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Your billing organization's Tax ID" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: "Billing organization name" })).toHaveValue("Accurate Billing Services");
  await expect(page.getByRole("textbox", { name: "Work email" })).toHaveValue(email);
  await expectAccessible(page);

  // Its own Tax ID, by keyboard: the password is typed again (it is never sent back).
  const taxId = page.getByRole("textbox", { name: "Your billing organization's Tax ID" });
  await tabTo(page, taxId);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("41-9876543");
  await typeInto(page, page.getByLabel("Password", { exact: true }), BILLING.password);
  await tabTo(page, page.getByRole("button", { name: "Create my account" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/register\/check-email\?by=billing$/);
  await expect(page.getByText("Next: ask your providers for access")).toBeVisible();
  await expectAccessible(page);
  await page.goto(await readVerificationLink(page, email));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/signin\?confirmed=1$/);
  await signIn(page, email, BILLING.password);
  await expect(page).toHaveURL(/\/access$/);
  await expect(page.getByText("You are the delegate for Accurate Billing Services (41-9876543).")).toBeVisible();
  await expect(page.getByText("You don't have access to any provider yet.")).toBeVisible();
  await expectAccessible(page);

  // Ask Northside, naming a co-worker first: refused with the FAQ's answer and a way to find the delegate.
  await page.getByRole("link", { name: "Request access to a provider" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Request access to a provider" })).toBeVisible();
  await expectAccessible(page);
  await typeInto(page, page.getByRole("textbox", { name: "Provider's Tax ID" }), "41-2345678");
  await typeInto(page, page.getByRole("textbox", { name: "Contact's name" }), "Casey Cole");
  await typeInto(page, page.getByRole("textbox", { name: "Contact's email" }), "casey.cole@accuratebilling.example");
  await tabTo(page, page.getByRole("button", { name: "Send the request" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: FAQ_CONTACT }).first()).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Contact's email" })).toHaveValue("casey.cole@accuratebilling.example");
  await expect(page.getByRole("textbox", { name: "Provider's Tax ID" })).toHaveValue("41-2345678");
  await expect(page.getByRole("link", { name: "Find my delegate" }).first()).toHaveAttribute("href", "/findmydelegate");
  await expect(page.getByText("Pat Morgan")).toHaveCount(0);
  await expectAccessible(page);

  // Then Pat Morgan, Northside's delegate.
  const contactName = page.getByRole("textbox", { name: "Contact's name" });
  await tabTo(page, contactName);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Pat Morgan");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(PAT.email);
  await tabTo(page, page.getByRole("button", { name: "Send the request" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/access\?requested=[0-9a-f-]{36}$/);
  await expect(page.getByRole("status").filter({ hasText: "Request sent to Pat Morgan at Northside Pediatrics." })).toBeFocused();
  await expect(northsideRequest(page).getByRole("cell").last()).toContainText(/Pending\s*Asked .+\s*Expires .+/);
  await expect(page.getByText("Contact the provider's office and ask them to answer the email")).toBeVisible();
  await expectAccessible(page);

  // Pat opens the email, signs in, and approves.
  const patPerson = await person(browser);
  const pat = patPerson.page;
  const approvalLink = await patAnswers(pat, "Approve", true);
  await pat.goto("/access");
  const withAccess = pat.getByRole("region", { name: "Billing organizations with access" });
  await expect(withAccess.getByText("Accurate Billing Services (Tax ID 41-9876543)")).toBeVisible();
  await expect(withAccess.getByText(/Access to Northside Pediatrics \(41-2345678\) since .+ · 1 person has access/)).toBeVisible();
  await expectAccessible(pat);

  // The billing user sees Approved and Northside's Tax ID, with the email that says so.
  await page.goto("/access");
  await expect(northsideRequest(page).getByRole("cell").last()).toContainText("Approved");
  const providers = page.getByRole("region", { name: "Your Tax IDs and NPIs" }).getByRole("row").filter({ has: page.getByRole("rowheader") });
  await expect(providers).toHaveCount(1);
  await expect(providers.first()).toContainText("41-2345678");
  await expect(providers.first()).toContainText("Northside Pediatrics");
  await expect(providers.first()).toContainText("Approved by the provider's office");
  await expect(providers.first().getByRole("cell").last()).toContainText("Active");
  await expectAccessible(page);
  await openEmail(page, email, /Northside Pediatrics approved your access request/);

  // The billing organization's delegate gives a co-worker Northside, on the same Users page providers use.
  const coWorkerEmail = uniqueEmail("casey.cole");
  await page.goto("/users/invite");
  await expect(page.getByRole("heading", { level: 1, name: "Add a user" })).toBeVisible();
  await page.getByRole("textbox", { name: "First name" }).fill("Casey");
  await page.getByRole("textbox", { name: "Last name" }).fill("Cole");
  await page.getByRole("textbox", { name: "Work email" }).fill(coWorkerEmail);
  await page.getByRole("checkbox", { name: /Northside Pediatrics \(Tax ID 41-2345678\)/ }).check();
  await page.getByRole("radio", { name: /^User/ }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page).toHaveURL(/\/users\?invited=1$/);
  const coWorkerPerson = await person(browser);
  const coWorker = coWorkerPerson.page;
  await coWorker.goto(await readInvitationLink(coWorker, coWorkerEmail));
  await coWorker.getByRole("textbox", { name: "Work phone" }).fill("952-555-0145");
  await coWorker.getByLabel("Password", { exact: true }).fill("casey billing desk phrase");
  await coWorker.getByRole("button", { name: "Create my account" }).click();
  await expect(coWorker).toHaveURL(/\/signin\?confirmed=1$/);
  await signIn(coWorker, coWorkerEmail, "casey billing desk phrase");
  await expect(coWorker).toHaveURL(/\/access$/);
  const coWorkerNorthside = coWorker.getByRole("region", { name: "Your Tax IDs and NPIs" }).getByRole("row").filter({ hasText: "41-2345678" });
  await expect(coWorkerNorthside.getByRole("cell").last()).toContainText("Active");
  await expectAccessible(coWorker);

  // Pat removes the billing organization's access at once: the billing side shows Revoked.
  await pat.goto("/access");
  // By keyboard: the first press asks, the second removes.
  await tabTo(pat, pat.getByRole("button", { name: "Remove access for Accurate Billing Services" }));
  await pat.keyboard.press("Enter");
  await expect(pat.getByRole("group", { name: "Remove access to 41-2345678 for Accurate Billing Services?" })).toBeFocused();
  await tabTo(pat, pat.getByRole("button", { name: "Remove access", exact: true }));
  await pat.keyboard.press("Enter");
  await expect(pat).toHaveURL(/\/access\?revoked=1$/);
  await expect(pat.getByRole("status").filter({ hasText: "Access removed." })).toBeFocused();
  await expectAccessible(pat);
  await page.goto("/access");
  await expect(northsideRequest(page).first().getByRole("cell").last()).toContainText("Revoked");
  await expect(page.getByRole("region", { name: "Your Tax IDs and NPIs" }).getByRole("row").filter({ hasText: "41-2345678" }).getByRole("cell").last()).toContainText("Removed");
  // The co-worker's access ended too, on their next page.
  await coWorker.reload();
  await expect(coWorkerNorthside.getByRole("cell").last()).toContainText("Removed");

  // A second request, denied.
  await page.getByRole("link", { name: "Request access to a provider" }).click();
  await page.getByRole("textbox", { name: "Provider's Tax ID" }).fill("41-2345678");
  await page.getByRole("textbox", { name: "NPIs (optional)" }).fill("1450239870");
  await page.getByRole("textbox", { name: "Contact's name" }).fill("Pat Morgan");
  await page.getByRole("textbox", { name: "Contact's email" }).fill(PAT.email);
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page).toHaveURL(/\/access\?requested=/);
  // Every delegate of Northside sees it waiting on their own Tax ID & NPI access.
  await pat.goto("/access");
  const waiting = pat.getByRole("region", { name: "Billing organizations asking for access" });
  await expect(waiting.getByRole("listitem").filter({ hasText: "Accurate Billing Services" })).toContainText("NPI 1450239870".replace("NPI ", ""));
  await expect(waiting.getByRole("link", { name: "Review and answer the request from Accurate Billing Services" })).toBeVisible();
  await expectAccessible(pat);
  await patAnswers(pat, "Deny", false);
  await page.goto("/access");
  await expect(northsideRequest(page).first().getByRole("cell").last()).toContainText("Denied");
  await expect(northsideRequest(page)).toHaveCount(2);
  await expectAccessible(page);

  // A used link answers nothing more; the request's page is for the provider's delegates only.
  await pat.goto(approvalLink);
  await expect(pat.getByRole("status").filter({ hasText: "This request has already been answered." })).toBeVisible();
  await expect(pat.getByRole("button", { name: "Approve access" })).toHaveCount(0);
  await page.goto(approvalLink);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND);

  // Pat's Users page points billing services to their own registration.
  await pat.goto("/users");
  await expect(pat.getByText("Billing services register on their own")).toBeVisible();

  expect(billing.problems.filter((problem) => !/404/.test(problem))).toEqual([]);
  expect(patPerson.problems).toEqual([]);
  expect(coWorkerPerson.problems).toEqual([]);
});
