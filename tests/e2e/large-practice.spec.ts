import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, watchConsole } from "./support";

/** The demo's hospital system (README: demo accounts): Summit Health System, 41-6543210, 5,000 NPIs. */
const CASEY = { email: "casey.holt@summithealth.example", password: "summit-demo-pass" };
const SUMMIT = "416543210";

const CONSOLE_404 = "console.error: Failed to load resource: the server responded with a status of 404 (Not Found)";

const rows = (page: Page) => page.getByRole("table").getByRole("row");

async function expectPage(page: Page, current: number, of: number): Promise<void> {
  await expect(page.getByRole("navigation", { name: "Pages of NPIs" }).getByText(`Page ${current} of ${of}`, { exact: true })).toBeVisible();
}

test("a hospital system's 5,000 NPIs: a count on /access, then a searchable list paged 50 at a time", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/signin");
  await signIn(page, CASEY.email, CASEY.password);
  await expect(page).toHaveURL(/\/access$/);

  // A count, not 5,000 rows: the row of the table (desktop) links to the list.
  const table = page.getByRole("region", { name: "Your Tax IDs and NPIs" });
  const summitRow = table.getByRole("row").filter({ hasText: "41-6543210" });
  await expect(summitRow).toContainText("Summit Health System");
  const countLink = summitRow.getByRole("link", { name: "5,000 NPIs of Tax ID 41-6543210" });
  await expect(countLink).toBeVisible();
  await expect(page.getByText("1700000015")).toHaveCount(0);
  await expectAccessible(page);

  await countLink.click();
  await expect(page).toHaveURL(new RegExp(`/access/npis/${SUMMIT}$`));
  await expect(page.getByRole("heading", { level: 1, name: "NPIs of Summit Health System (41-6543210)" })).toBeVisible();
  await expect(page.getByText("1–50 of 5,000 NPIs.")).toBeVisible();
  await expectPage(page, 1, 100);
  await expect(rows(page)).toHaveCount(51);
  await expect(rows(page).nth(1)).toContainText("1700000007");
  await expect(rows(page).nth(1)).toContainText("Summit Health System");
  await expect(page.getByRole("link", { name: /Previous/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(new RegExp(`/access/npis/${SUMMIT}\\?page=2$`));
  await expectPage(page, 2, 100);
  await expect(page.getByText("51–100 of 5,000 NPIs.")).toBeVisible();
  await expect(rows(page)).toHaveCount(51);
  await expect(page.getByRole("link", { name: "Previous page" })).toBeVisible();

  // Search by name: the term stays in the field and in the pages' links.
  const search = page.getByRole("searchbox", { name: "Search by NPI or name" });
  await search.fill("avery");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`/access/npis/${SUMMIT}\\?q=avery$`));
  await expect(page.getByText("99 NPIs match “avery”: 1–50 shown.")).toBeVisible();
  await expect(search).toHaveValue("avery");
  await expectPage(page, 1, 2);
  await expect(rows(page).nth(1)).toContainText("Avery");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\?q=avery&page=2$/);
  await expectPage(page, 2, 2);
  await expect(rows(page)).toHaveCount(50);
  await expect(search).toHaveValue("avery");
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);

  // Search by NPI, then nothing found, then back to all of them.
  await search.fill("1700000015");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("1 NPI matches “1700000015”: 1–1 shown.")).toBeVisible();
  await expect(rows(page)).toHaveCount(2);
  await search.fill("nobody at all");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No NPIs match “nobody at all”.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Show all NPIs" }).click();
  await expect(page.getByText("1–50 of 5,000 NPIs.")).toBeVisible();

  // On a phone: the same list, nothing scrolls sideways; /access shows the count on its card.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/access/npis/${SUMMIT}?page=100`);
  await expectPage(page, 100, 100);
  await expect(page.getByText("4,951–5,000 of 5,000 NPIs.")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await page.goto("/access");
  const card = page.getByRole("list", { name: "Your Tax IDs and NPIs" }).getByRole("listitem").filter({ hasText: "41-6543210" });
  await expect(card.getByRole("link", { name: "5,000 NPIs of Tax ID 41-6543210" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  expect(problems).toEqual([]);

  // Only someone with live access to a Tax ID sees its list: anyone else gets "not found".
  const others = ["412345678", "411234567", "999999999", "41-6543210"];
  for (const other of others) {
    const response = await page.goto(`/access/npis/${other}`);
    expect(response?.status(), other).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // Chromium logs each 404 document it loads: those are the answers asked for, nothing else may appear.
  expect(problems).toEqual(others.map(() => CONSOLE_404));
});
