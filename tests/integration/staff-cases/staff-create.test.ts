import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resetLinkState, resetPassword } from "@/lib/account/password-reset";
import { createStaffAccount, splitName } from "@/lib/staff/create-staff-account";
import { uniqueEmail } from "@/tests/factories/check-registration";
import { demoAccounts, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { findUserByEmail } from "@/tests/support/queries";

beforeAll(() => seedDemo());

describe("npm run staff:create", () => {
  it("creates a confirmed staff account whose password is set with a single-use link", async () => {
    const email = uniqueEmail("Morgan.Diaz", "Staff.Example");
    const result = await createStaffAccount({ email, name: "Morgan  Diaz" });
    expect(result).toMatchObject({ ok: true, email: email.toLowerCase(), setupUrl: expect.stringMatching(/^http:\/\/portal\.test\/reset-password\?token=[A-Za-z0-9_-]{43}$/) });
    if (!result.ok) throw new Error("expected ok");
    const user = await findUserByEmail(email.toLowerCase());
    expect(user).toMatchObject({ accountType: "staff", status: "active", firstName: "Morgan", lastName: "Diaz", phone: "8005550199" });
    expect(user!.emailVerifiedAt).not.toBeNull();

    const token = new URL(result.setupUrl).searchParams.get("token")!;
    expect(await resetLinkState(token)).toBe("valid");
    expect(await resetPassword(token, "quiet harbor lantern seventeen", buildRequestContext())).toEqual({ ok: true });
    expect(await resetLinkState(token)).toBe("used");
  });

  it("refuses an existing email with a clear answer, and bad input field by field", async () => {
    expect(await createStaffAccount({ email: demoAccounts.staff.email, name: "Riley Reyes" })).toEqual({ ok: false, code: "email_taken", accountType: "staff" });
    expect(await createStaffAccount({ email: demoAccounts.delegate.email.toUpperCase(), name: "Pat Morgan" })).toEqual({ ok: false, code: "email_taken", accountType: "provider" });
    const invalid = await createStaffAccount({ email: "not-an-email", name: "Cher" });
    expect(invalid).toMatchObject({ ok: false, code: "invalid" });
    if (invalid.ok || invalid.code !== "invalid") throw new Error("expected invalid");
    expect(invalid.errors.join("\n")).toMatch(/--email: .*\n--name: Give a first and a last name/);
    expect(splitName("Mary Ann Smith")).toEqual({ firstName: "Mary Ann", lastName: "Smith" });
  });

  it("is the only code that creates staff accounts: self-registration never does", () => {
    const root = path.resolve(import.meta.dirname, "../../..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(name) && /accountType:\s*"staff"/.test(readFileSync(full, "utf8"))) offenders.push(path.relative(root, full));
      }
    };
    for (const dir of ["app", "lib", "components", "db"]) walk(path.join(root, dir));
    expect(offenders).toEqual(["lib/staff/create-staff-account.ts"]);
  });
});
