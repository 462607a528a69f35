import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { type CheckAction, fillForm, passwordInput, renderForm, submit, SUBMISSION_ID, textbox, typed } from "./check-registration-form-helpers";
import { sentFormData } from "./sent-form-data";

describe("CheckRegistrationForm", () => {
  it("labels every field", () => {
    renderForm();
    for (const name of ["Tax ID", "Check number", "Vendor number", "First name", "Last name", "Work email", "Work phone"]) {
      expect(textbox(name)).toHaveAttribute("name");
    }
    expect(passwordInput()).toHaveAttribute("type", "password");
    const proof = screen.getByRole("group", { name: "Which number will you enter from the check?" });
    expect(proof).toContainElement(screen.getByRole("radio", { name: "Vendor number" }));
    expect(proof).toContainElement(screen.getByRole("radio", { name: "NPI" }));
  });

  it("asks for the vendor number by default, and for the NPI once NPI is chosen", async () => {
    const { user } = renderForm();
    expect(screen.getByRole("radio", { name: "Vendor number" })).toBeChecked();
    expect(textbox("Vendor number")).toBeVisible();
    expect(screen.queryByRole("textbox", { name: "NPI" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: "NPI" }));

    expect(textbox("NPI")).toBeVisible();
    expect(screen.queryByRole("textbox", { name: "Vendor number" })).not.toBeInTheDocument();
  });

  it("shows where the numbers are on the payer's check", () => {
    renderForm();
    expect(screen.getByRole("img", { name: /Where to find the numbers on a HealthPartners check/ })).toBeInTheDocument();
  });

  it("sends what was typed, with the vendor number", async () => {
    const action = vi.fn<CheckAction>(async () => ({ ok: true }));
    const { user } = renderForm(action);
    await fillForm(user);
    await submit(user);

    expect(action).toHaveBeenCalledTimes(1);
    const formData = sentFormData(action);
    expect(Object.fromEntries(formData)).toEqual({
      submissionId: SUBMISSION_ID,
      taxId: typed.taxId,
      checkNumber: typed.checkNumber,
      proof: "vendor",
      vendorNumber: typed.vendorNumber,
      npi: "",
      firstName: typed.firstName,
      lastName: typed.lastName,
      email: typed.email,
      phone: typed.phone,
      password: typed.password,
    });
  });

  it("sends the NPI when NPI is chosen", async () => {
    const action = vi.fn<CheckAction>(async () => ({ ok: true }));
    const { user } = renderForm(action);
    await fillForm(user, "npi");
    await submit(user);

    const formData = sentFormData(action);
    expect(formData.get("proof")).toBe("npi");
    expect(formData.get("npi")).toBe(typed.npi);
    expect(formData.get("vendorNumber")).toBe("");
  });

  it("disables the button and says it is working while the account is being created", async () => {
    let finish: (state: { ok: boolean }) => void = () => {};
    const action = vi.fn<CheckAction>(() => new Promise((resolve) => (finish = resolve)));
    const { user } = renderForm(action);
    await fillForm(user);
    await submit(user);

    const pending = await screen.findByRole("button", { name: "Creating your account…" });
    expect(pending).toBeDisabled();

    finish({ ok: true });
    expect(await screen.findByRole("button", { name: "Create my account" })).toBeEnabled();
  });

  it("shows and hides the password", async () => {
    const { user } = renderForm();
    const toggle = screen.getByRole("button", { name: "Show password" });
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    expect(toggle).toHaveAttribute("aria-controls", "password");

    await user.click(toggle);
    expect(passwordInput()).toHaveAttribute("type", "text");
    expect(screen.getByRole("button", { name: "Hide password" })).toHaveAttribute("aria-pressed", "true");

    await user.click(screen.getByRole("button", { name: "Hide password" }));
    expect(passwordInput()).toHaveAttribute("type", "password");
    expect(screen.getByRole("button", { name: "Show password" })).toHaveAttribute("aria-pressed", "false");
  });
});
