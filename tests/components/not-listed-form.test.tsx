import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { NotListedForm } from "@/app/(public)/register/provider/not-listed/not-listed-form";
import type { NotListedField } from "@/lib/cases/not-listed-schema";
import type { FormState } from "@/lib/forms/form-state";
import { sentFormData } from "./sent-form-data";

type State = FormState<NotListedField>;
type Action = (state: State, formData: FormData) => Promise<State>;
const SUBMISSION_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

const typed: Partial<Record<NotListedField, string>> = {
  organizationName: "Maple Grove Family Medicine",
  taxId: "41-7654321",
  npi: "",
  addressLine1: "700 Maple Ave",
  addressLine2: "",
  city: "Maple Grove",
  state: "MN",
  postalCode: "55369",
  practicePhone: "763-555-0100",
  firstName: "Jamie",
  lastName: "Fox",
  email: "jamie.fox@maplegrove.example",
  phone: "763-555-0111",
  message: "We opened in March.",
};

const textbox = (name: string | RegExp) => screen.getByRole<HTMLInputElement>("textbox", { name });

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.type(textbox("Provider or organization name"), typed.organizationName!);
  await user.type(textbox("Tax ID"), typed.taxId!);
  await user.type(textbox("Street address"), typed.addressLine1!);
  await user.type(textbox("City"), typed.city!);
  await user.selectOptions(screen.getByRole("combobox", { name: "State" }), "MN");
  await user.type(textbox("ZIP code"), typed.postalCode!);
  await user.type(textbox("Practice phone"), typed.practicePhone!);
  await user.type(textbox("Your first name"), typed.firstName!);
  await user.type(textbox("Your last name"), typed.lastName!);
  await user.type(textbox("Your work email"), typed.email!);
  await user.type(textbox("Your work phone"), typed.phone!);
  await user.type(textbox("How can we help?"), typed.message!);
}

describe("NotListedForm", () => {
  it("labels every field, marks the optional ones and sends what was typed with the one-time submission id", async () => {
    const action = vi.fn<Action>(async () => ({ ok: true }));
    const user = userEvent.setup();
    render(<NotListedForm action={action} submissionId={SUBMISSION_ID} />);
    expect(textbox("NPI (optional)")).not.toBeRequired();
    expect(textbox("Suite, floor or building (optional)")).not.toBeRequired();
    await fill(user);
    await user.click(screen.getByRole("button", { name: "Send to a representative" }));
    expect(Object.fromEntries(sentFormData(action))).toEqual({ submissionId: SUBMISSION_ID, ...typed });
  });

  it("shows every field's error and keeps every value", async () => {
    const action = vi.fn<Action>(async () => ({
      ok: false,
      message: "Please correct the 2 fields marked below.",
      fieldErrors: { taxId: ["Enter the Tax ID as 9 digits, like 41-1234567."], state: ["Choose the state."] },
      values: { ...typed, taxId: "41-76", state: "" },
    }));
    const user = userEvent.setup();
    const { container } = render(<NotListedForm action={action} submissionId={SUBMISSION_ID} />);
    await fill(user);
    await user.click(screen.getByRole("button", { name: "Send to a representative" }));

    const alert = await within(container.querySelector("form")!).findByRole("alert");
    expect(within(alert).getAllByRole("link")).toHaveLength(2);
    expect(textbox("Tax ID")).toHaveAttribute("aria-invalid", "true");
    expect(textbox("Tax ID")).toHaveValue("41-76");
    const state = screen.getByRole("combobox", { name: "State" });
    expect(state).toHaveAttribute("aria-invalid", "true");
    expect(state).toHaveAccessibleDescription(expect.stringContaining("Choose the state."));
    for (const [name, value] of [["Provider or organization name", typed.organizationName], ["City", typed.city], ["Your work email", typed.email], ["How can we help?", typed.message]] as const) {
      expect(textbox(name)).toHaveValue(value);
    }
  });
});
