import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { type CheckAction, type CheckState, fillForm, passwordInput, renderForm, submit, textbox, typed } from "./check-registration-form-helpers";
import { sentFormData } from "./sent-form-data";

const TAX_ID_ERROR = "Enter the Tax ID as 9 digits, like 41-1234567.";

/** What the server action answers, echoing what was typed except the password. */
function failure(proof: "vendor" | "npi", state: Pick<CheckState, "message" | "fieldErrors">): CheckState {
  const { password: _password, npi, vendorNumber, ...rest } = typed;
  return { ok: false, ...state, values: { ...rest, proof, ...(proof === "npi" ? { npi } : { vendorNumber }) } };
}

describe("CheckRegistrationForm after a failed submit", () => {
  it("shows the errors, keeps what was typed and asks for the password again", async () => {
    const action = vi.fn<CheckAction>(async () =>
      failure("vendor", { message: "Please correct the highlighted fields.", fieldErrors: { taxId: [TAX_ID_ERROR] } }),
    );
    const { user, container } = renderForm(action);
    await fillForm(user);
    await submit(user);

    const form = container.querySelector("form")!;
    const alert = await within(form).findByRole("alert");
    expect(alert).toHaveTextContent("Please correct the highlighted fields.");
    expect(within(alert).getByRole("link", { name: `Tax ID: ${TAX_ID_ERROR}` })).toHaveAttribute("href", "#taxId");
    await vi.waitFor(() => expect(alert).toHaveFocus());

    const taxId = textbox("Tax ID");
    expect(taxId).toHaveAttribute("aria-invalid", "true");
    expect(taxId).toHaveAccessibleDescription(expect.stringContaining(TAX_ID_ERROR));
    expect(textbox("Check number")).not.toHaveAttribute("aria-invalid");

    expect(taxId).toHaveValue(typed.taxId);
    expect(textbox("Check number")).toHaveValue(typed.checkNumber);
    expect(textbox("Vendor number")).toHaveValue(typed.vendorNumber);
    expect(textbox("First name")).toHaveValue(typed.firstName);
    expect(textbox("Last name")).toHaveValue(typed.lastName);
    expect(textbox("Work email")).toHaveValue(typed.email);
    expect(textbox("Work phone")).toHaveValue(typed.phone);
    expect(screen.getByRole("radio", { name: "Vendor number" })).toBeChecked();

    expect(passwordInput()).toHaveValue("");
    expect(passwordInput()).toHaveAccessibleDescription(expect.stringContaining("please enter your password again"));
  });

  it("keeps NPI chosen when the check could not be verified with an NPI", async () => {
    const message = "We couldn't match those numbers to a HealthPartners check.";
    const action = vi.fn<CheckAction>(async () =>
      failure("npi", {
        message,
        fieldErrors: {
          taxId: ["Check the Tax ID."],
          checkNumber: ["Check the check number."],
          npi: ["Check the NPI."],
        },
      }),
    );
    const { user, container } = renderForm(action);
    await fillForm(user, "npi");
    await submit(user);

    const form = container.querySelector("form")!;
    const alert = await within(form).findByRole("alert");
    expect(alert).toHaveTextContent(message);
    expect(within(alert).getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual(["#taxId", "#checkNumber", "#npi"]);

    expect(screen.getByRole("radio", { name: "NPI" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Vendor number" })).not.toBeChecked();
    const npi = textbox("NPI");
    expect(npi).toHaveValue(typed.npi);
    expect(npi).toHaveAttribute("aria-invalid", "true");
    expect(npi).toHaveAccessibleDescription(expect.stringContaining("Check the NPI."));
    expect(textbox("Check number")).toHaveAccessibleDescription(expect.stringContaining("Check the check number."));
    expect(screen.queryByRole("textbox", { name: "Vendor number" })).not.toBeInTheDocument();

    // Sending again (after retyping the password) still proves the check with the NPI.
    await user.type(passwordInput(), typed.password);
    await submit(user);
    // The second answer moves focus back to the summary: the form has settled.
    await vi.waitFor(() => expect(within(form).getByRole("alert")).toHaveFocus());
    expect(action).toHaveBeenCalledTimes(2);
    const again = sentFormData(action, 1);
    expect(again.get("proof")).toBe("npi");
    expect(again.get("npi")).toBe(typed.npi);
  });
});
