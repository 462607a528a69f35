import { expect, test } from "@playwright/test";
import { readInvitationLink } from "./invitation-mail";
import { tabTo, typeInto } from "./keyboard-helpers";
import { expectAccessible, signInByKeyboard, uniqueEmail, watchConsole } from "./support";

test("a delegate invites a co-worker, who accepts and signs in, all by keyboard alone", async ({ browser }) => {
  const patContext = await browser.newContext();
  const pat = await patContext.newPage();
  const patProblems = watchConsole(pat);
  const email = uniqueEmail("sam");
  const password = "sam keyboard front desk";

  await pat.goto("/signin");
  await expectAccessible(pat);
  await signInByKeyboard(pat, "pat.morgan@northside.example", "northside-demo-pass");
  await expect(pat).toHaveURL(/\/access$/);
  await tabTo(pat, pat.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Users" }));
  await pat.keyboard.press("Enter");
  await expect(pat).toHaveURL(/\/users$/);
  await expectAccessible(pat);
  await tabTo(pat, pat.getByRole("link", { name: "Add a user" }));
  await pat.keyboard.press("Enter");
  await expect(pat).toHaveURL(/\/users\/invite$/);
  await expectAccessible(pat);

  await typeInto(pat, pat.getByRole("textbox", { name: "First name" }), "Sam");
  await typeInto(pat, pat.getByRole("textbox", { name: "Last name" }), "Okafor");
  await typeInto(pat, pat.getByRole("textbox", { name: "Work email" }), email);
  // The one Tax ID is chosen, with all its NPIs; the role stays User.
  await expect(pat.getByRole("radio", { name: "All NPIs, including any added later" })).toBeChecked();
  await expect(pat.getByRole("radio", { name: /^User/ })).toBeChecked();
  await tabTo(pat, pat.getByRole("button", { name: "Send the invitation" }));
  await pat.keyboard.press("Enter");
  await expect(pat).toHaveURL(/\/users\?invited=1$/);
  // The page the submit led to starts from its answer: focus is on it, not lost on the body.
  await expect(pat.getByRole("status").filter({ hasText: "Invitation sent." })).toBeFocused();
  await expectAccessible(pat);

  // The co-worker, in a browser of their own.
  const samContext = await browser.newContext();
  const sam = await samContext.newPage();
  const samProblems = watchConsole(sam);
  const link = await readInvitationLink(sam, email);
  await sam.goto(link);
  await expect(sam.getByRole("heading", { level: 1, name: "Your invitation to the provider portal" })).toBeVisible();
  await expect(sam.getByText("Pat Morgan invited you, Sam Okafor")).toBeVisible();
  await expectAccessible(sam);
  await typeInto(sam, sam.getByRole("textbox", { name: "Work phone" }), "651-555-0188");
  await typeInto(sam, sam.getByLabel("Password", { exact: true }), password);
  // "Show password" is a button the keyboard can press, and back.
  await tabTo(sam, sam.getByRole("button", { name: "Show password" }));
  await sam.keyboard.press("Space");
  await expect(sam.getByRole("textbox", { name: "Password", exact: true })).toHaveValue(password);
  await sam.keyboard.press("Enter");
  await expect(sam.getByRole("button", { name: "Show password" })).toHaveAttribute("aria-pressed", "false");
  await tabTo(sam, sam.getByRole("button", { name: "Create my account" }));
  await sam.keyboard.press("Enter");
  await expect(sam).toHaveURL(/\/signin\?confirmed=1$/);
  await expect(sam.getByRole("status").filter({ hasText: "Your email address is confirmed" })).toBeFocused();
  await expectAccessible(sam);

  await signInByKeyboard(sam, email, password);
  await expect(sam).toHaveURL(/\/access$/);
  const row = sam.getByRole("row").filter({ has: sam.getByRole("rowheader", { name: "41-2345678" }) });
  await expect(row).toContainText("Northside Pediatrics");
  await expect(row).toContainText("Added by the organization's delegate");
  await expect(row.getByRole("cell").last()).toHaveText("Active");
  await expectAccessible(sam);

  expect(patProblems).toEqual([]);
  expect(samProblems).toEqual([]);
  await patContext.close();
  await samContext.close();
});
