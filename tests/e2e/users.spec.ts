import { expect, test, type Locator, type Page } from "@playwright/test";
import { readInvitationLink } from "./invitation-mail";
import { expectAccessible, signIn, uniqueEmail, watchConsole } from "./support";

const PAT = { email: "pat.morgan@northside.example", password: "northside-demo-pass" };

async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Could not reach ${target} with the Tab key`);
}

async function signInAsPat(page: Page): Promise<void> {
  await page.goto("/signin");
  await signIn(page, PAT.email, PAT.password);
  await expect(page).toHaveURL(/\/access$/);
}

test("a delegate invites a co-worker, who joins with exactly that access, and is deactivated", async ({ browser }) => {
  const patContext = await browser.newContext();
  const pat = await patContext.newPage();
  const patProblems = watchConsole(pat);
  const email = uniqueEmail("casey");

  await signInAsPat(pat);
  await pat.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Users" }).click();
  await expect(pat.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(pat.getByText("You are the only delegate for Northside Pediatrics.")).toBeVisible();
  await expect(pat.getByRole("link", { name: "Register" }).last()).toBeVisible();
  await expectAccessible(pat);

  await pat.getByRole("link", { name: "Add a user" }).click();
  await expect(pat.getByRole("heading", { level: 1, name: "Add a user" })).toBeVisible();
  await expectAccessible(pat);
  // A submit with nothing typed: every field's error, and what to do.
  await pat.getByRole("button", { name: "Send the invitation" }).click();
  await expect(pat.getByRole("alert").filter({ hasText: "Please correct the" })).toBeVisible();
  await expect(pat.getByText("Enter their first name.").first()).toBeVisible();
  await expectAccessible(pat);

  await pat.getByRole("textbox", { name: "First name" }).fill("Casey");
  await pat.getByRole("textbox", { name: "Last name" }).fill("Nguyen");
  await pat.getByRole("textbox", { name: "Work email" }).fill(email);
  await pat.getByRole("radio", { name: "Only the NPIs I choose" }).check();
  await pat.getByRole("checkbox", { name: /1450239870/ }).check();
  await pat.getByRole("radio", { name: /^User/ }).check();
  await pat.getByRole("button", { name: "Send the invitation" }).click();
  await expect(pat).toHaveURL(/\/users\?invited=1$/);
  await expect(pat.getByText("Invitation sent.")).toBeVisible();
  await expect(pat.getByRole("listitem").filter({ hasText: email })).toBeVisible();
  await expectAccessible(pat);

  // The co-worker, in a browser of their own.
  const caseyContext = await browser.newContext();
  const casey = await caseyContext.newPage();
  const caseyProblems = watchConsole(casey);
  const link = await readInvitationLink(casey, email);
  await casey.goto(link);
  await expect(casey.getByRole("heading", { level: 1, name: "Your invitation to the provider portal" })).toBeVisible();
  await expect(casey.getByText("Pat Morgan invited you, Casey Nguyen")).toBeVisible();
  await expect(casey.getByText(/NPI 1450239870/)).toBeVisible();
  await expect(casey.getByRole("textbox", { name: "First name" })).toHaveValue("Casey");
  await expectAccessible(casey);
  await casey.getByRole("textbox", { name: "Work phone" }).fill("612-555-0142");
  await casey.getByLabel("Password", { exact: true }).fill("casey front desk phrase");
  await casey.getByRole("button", { name: "Create my account" }).click();
  await expect(casey).toHaveURL(/\/signin\?confirmed=1$/);
  await signIn(casey, email, "casey front desk phrase");
  await expect(casey).toHaveURL(/\/access$/);
  const rows = casey.getByRole("row").filter({ has: casey.getByRole("rowheader") });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("41-2345678");
  await expect(rows.first()).toContainText("Northside Pediatrics");
  await expect(rows.first()).toContainText("1450239870");
  await expect(rows.first()).toContainText("Added by the organization's delegate");
  await expect(rows.first()).not.toContainText("Delegate");
  await expect(casey.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  await expectAccessible(casey);
  const seen = caseyProblems.length;
  const usersResponse = await casey.goto("/users");
  expect(usersResponse?.status()).toBe(404);
  await expect(casey.getByRole("heading", { level: 1 })).toBeVisible();
  // Chromium logs the 404 we asked for as a console error: that one line is expected, nothing else.
  const expected404 = caseyProblems.splice(seen);
  expect(expected404.length > 0 && expected404.every((problem) => problem.includes("404"))).toBe(true);
  // The link is single use.
  await casey.goto(link);
  await expect(casey.getByText("This invitation has already been used")).toBeVisible();
  await casey.goto("/access");

  // Pat deactivates them, with a confirmation.
  await pat.goto("/users");
  await pat.getByRole("link", { name: "Casey Nguyen" }).first().click();
  await expect(pat.getByRole("heading", { level: 1, name: "Casey Nguyen" })).toBeVisible();
  await expectAccessible(pat);
  await pat.getByRole("button", { name: "Deactivate Casey Nguyen" }).click();
  await expect(pat.getByText("Deactivate Casey Nguyen?")).toBeVisible();
  await expectAccessible(pat);
  await pat.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(pat).toHaveURL(/\/users\?deactivated=1$/);
  await expect(pat.getByRole("link", { name: "Casey Nguyen" })).toHaveCount(0);

  // Casey's open session ends at once: the next navigation lands on sign-in.
  await casey.reload();
  await expect(casey).toHaveURL(/\/signin/);

  expect(patProblems).toEqual([]);
  expect(caseyProblems).toEqual([]);
  await patContext.close();
  await caseyContext.close();
});

test("the invite form works by keyboard alone", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  await signInAsPat(page);
  await page.goto("/users/invite");
  await tabTo(page, page.getByRole("textbox", { name: "First name" }));
  await page.keyboard.type("Robin");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Keyes");
  await tabTo(page, page.getByRole("textbox", { name: "Work email" }));
  await page.keyboard.type(uniqueEmail("robin"));
  // The one Tax ID is chosen already; arrow keys move to "Only the NPIs I choose", Space ticks the NPI.
  await tabTo(page, page.getByRole("radio", { name: "All NPIs, including any added later" }));
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Only the NPIs I choose" })).toBeChecked();
  await tabTo(page, page.getByRole("checkbox", { name: /1450239870/ }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: /1450239870/ })).toBeChecked();
  // Tab enters the role group on its checked radio (User); an arrow key picks Delegate.
  await tabTo(page, page.getByRole("radio", { name: /^User/ }));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /^Delegate/ })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Send the invitation" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/users\?invited=1$/);
  await expectAccessible(page);
  expect(problems).toEqual([]);
  await context.close();
});
