import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AddAccessForm } from "@/app/(portal)/access/add/add-access-form";
import type { AddAccessField } from "@/lib/access/add-access-schema";
import type { FormState } from "@/lib/forms/form-state";
import { sentFormData } from "./sent-form-data";

type State = FormState<AddAccessField>;
type Action = (state: State, formData: FormData) => Promise<State>;

const SUBMISSION_ID = "5d0f6f0e-2b1a-4e55-9a0c-6a3f2d9b7c11";
const textbox = (name: string) => screen.getByRole<HTMLInputElement>("textbox", { name });

function renderForm(action: Action = vi.fn<Action>(async () => ({ ok: true }))) {
  const user = userEvent.setup();
  render(<AddAccessForm action={action} payerName="HealthPartners" submissionId={SUBMISSION_ID} />);
  return { user, action };
}

describe("AddAccessForm", () => {
  it("asks for the Tax ID and a check by default, with the picture of a check", () => {
    renderForm();
    expect(textbox("Tax ID")).toBeVisible();
    expect(screen.getByRole("radio", { name: "A check" })).toBeChecked();
    expect(textbox("Check number")).toBeVisible();
    expect(textbox("Vendor number")).toBeVisible();
    expect(screen.queryByRole("textbox", { name: "Notice number" })).not.toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Where to find the numbers on a HealthPartners check" })).toBeInTheDocument();
  });

  it("switches to the notice's NPI and number, and the picture to the NPI when NPI is chosen", async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole("radio", { name: "NPI" }));
    expect(screen.getByRole("img", { name: /the check number and the NPI/ })).toBeInTheDocument();
    expect(textbox("NPI")).toBeVisible();

    await user.click(screen.getByRole("radio", { name: "A non-payment notice" }));
    expect(textbox("NPI on the notice")).toBeVisible();
    expect(textbox("Notice number")).toHaveAccessibleDescription(expect.stringContaining('Include the "NP" in front of the number'));
    expect(screen.queryByRole("textbox", { name: "Check number" })).not.toBeInTheDocument();
  });

  it("sends what was typed for a notice, with the submission id", async () => {
    const action = vi.fn<Action>(async () => ({ ok: true }));
    const { user } = renderForm(action);
    await user.type(textbox("Tax ID"), "41-4567890");
    await user.click(screen.getByRole("radio", { name: "A non-payment notice" }));
    await user.type(textbox("NPI on the notice"), "1823456706");
    await user.type(textbox("Notice number"), "NP4400123");
    await user.click(screen.getByRole("button", { name: "Add this Tax ID" }));

    expect(action).toHaveBeenCalledTimes(1);
    expect(Object.fromEntries(sentFormData(action))).toMatchObject({
      submissionId: SUBMISSION_ID,
      taxId: "41-4567890",
      document: "notice",
      noticeNpi: "1823456706",
      noticeNumber: "NP4400123",
    });
  });

  it("shows every field's error, tied to its input, and keeps what was typed", async () => {
    const action = vi.fn<Action>(async () => ({
      ok: false,
      message: "We couldn't verify this Tax ID with these details.",
      fieldErrors: { taxId: ["Check this matches the Tax ID the check was issued to."], checkNumber: ["Check this matches the check number printed on the check."] },
      values: { taxId: "41-3456790", document: "check", proof: "vendor", checkNumber: "7001999", vendorNumber: "100456" },
    }));
    const { user } = renderForm(action);
    await user.type(textbox("Tax ID"), "41-3456790");
    await user.click(screen.getByRole("button", { name: "Add this Tax ID" }));

    const summary = await screen.findByRole("alert");
    expect(summary).toHaveTextContent("We couldn't verify this Tax ID");
    await vi.waitFor(() => expect(summary).toHaveFocus());
    expect(textbox("Tax ID")).toHaveAttribute("aria-invalid", "true");
    expect(textbox("Tax ID")).toHaveAccessibleDescription(expect.stringContaining("Check this matches the Tax ID"));
    expect(textbox("Check number")).toHaveValue("7001999");
    expect(textbox("Vendor number")).toHaveValue("100456");
  });
});
