import { expect, test } from "@playwright/test";
import { expectAccessible, readVerificationLink, signIn, uniqueEmail, watchConsole } from "./support";
import { expectOnlyThePinPage, readQueuedPin, tabTo } from "./us-mail-support";

test("a person at Birchwood Clinic registers with US Mail and enters the PIN from the letter", async ({ page }) => {
  const problems = watchConsole(page);
  const email = uniqueEmail("morgan");
  const password = "birchwood lilac front desk";
  const lastName = `Ellis${Date.now().toString().slice(-5).replace(/\d/g, (digit) => "abcdefghij"[Number(digit)]!)}`;
  const registrant = `Morgan ${lastName}`;

  await page.goto("/register/provider");
  await expectAccessible(page);
  await page.getByRole("link", { name: /Register with US Mail/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Register with US Mail" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Tax ID", exact: true }).fill("41-9876543");
  await page.getByRole("textbox", { name: "NPI (optional)" }).fill("1908765435");
  await page.getByRole("textbox", { name: "First name" }).fill("Morgan");
  await page.getByRole("textbox", { name: "Last name" }).fill(lastName);
  await page.getByRole("textbox", { name: "Work email" }).fill(email);
  await page.getByRole("textbox", { name: "Work phone" }).fill("952-555-0142");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create my account and mail my PIN" }).click();

  // A Tax ID that isn't in the records: say so at the field, and point to "My provider is not listed".
  await expect(page.getByRole("alert").filter({ hasText: "We couldn't find this Tax ID in our records" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Tax ID", exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("link", { name: "My provider is not listed", exact: true })).toHaveAttribute("href", "/register/provider/not-listed");
  await expect(page.getByRole("textbox", { name: "Last name" })).toHaveValue(lastName);
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Tax ID", exact: true }).fill("41-5678901");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create my account and mail my PIN" }).click();
  await expect(page).toHaveURL(/\/register\/check-email\?by=mail$/);
  await expect(page.getByText("Your PIN letter is on its way")).toBeVisible();
  await expectAccessible(page);

  const link = await readVerificationLink(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/signin\?confirmed=1$/);
  await signIn(page, email, password);

  // Signed in, but nothing of the portal until the PIN is entered, whatever the URL.
  await expect(page).toHaveURL(/\/access$/);
  await expectOnlyThePinPage(page);
  await expect(page.getByText("Letter dated")).toBeVisible();
  await expect(page.getByText("PIN works until")).toBeVisible();
  await expectAccessible(page);
  for (const path of ["/access", "/access/add/mail", "/access/pin", "/users", "/users/invite", "/access/add"]) {
    await page.goto(path);
    await expectOnlyThePinPage(page);
  }

  const pinField = page.getByRole("textbox", { name: "PIN from the letter" });
  for (const triesLeft of [4, 3, 2, 1]) {
    await pinField.fill("2222-3333");
    await page.getByRole("button", { name: "Confirm PIN" }).click();
    await expect(page.getByRole("alert").filter({ hasText: `you have ${triesLeft} ${triesLeft === 1 ? "try" : "tries"} left on this letter` })).toBeVisible();
    await expect(pinField).toHaveValue("");
    await expect(pinField).toHaveAttribute("aria-invalid", "true");
  }
  await expectAccessible(page);
  await pinField.fill("2222-3333");
  await page.getByRole("button", { name: "Confirm PIN" }).click();
  await expect(page.getByText("This letter no longer works.")).toBeVisible();
  await expect(page.getByText(/entered wrongly 5 times/)).toBeVisible();
  await expect(pinField).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Mail me a new letter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A new letter is on its way" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "PIN from the letter" })).toBeVisible();
  await expectAccessible(page);

  const pin = await readQueuedPin(page, registrant);

  // The right PIN, by keyboard alone, typed in small letters without the dash.
  await page.goto("/access");
  await expectOnlyThePinPage(page);
  await tabTo(page, page.getByRole("textbox", { name: "PIN from the letter" }));
  await page.keyboard.type(pin.replace("-", " ").toLowerCase());
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/access\?pin=accepted$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tax ID & NPI access" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Portal" })).toBeVisible();
  await expect(page.getByText("You are the delegate for Birchwood Clinic (41-5678901)")).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "41-5678901" }) });
  await expect(row).toContainText("Birchwood Clinic");
  await expect(row).toContainText("Delegate");
  await expect(row).toContainText("Registered with a PIN mailed to the practice (pin letter dated");
  await expect(row.getByRole("cell").last()).toHaveText("Active");
  await expectAccessible(page);

  expect(problems).toEqual([]);
});
