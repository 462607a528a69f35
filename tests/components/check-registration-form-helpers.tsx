import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { CheckRegistrationForm } from "@/app/(public)/register/provider/check/check-registration-form";
import type { FormState } from "@/lib/forms/form-state";
import type { CheckRegistrationField } from "@/lib/registration/check-registration-schema";

export type CheckState = FormState<CheckRegistrationField>;
export type CheckAction = (state: CheckState, formData: FormData) => Promise<CheckState>;

export const SUBMISSION_ID = "0b7e9c2a-4f1d-4c3e-9a57-2d8f6b1e3c40";

export const typed = {
  taxId: "41-1234567",
  checkNumber: "7000123",
  vendorNumber: "100042",
  npi: "1234567893",
  firstName: "Dana",
  lastName: "Lee",
  email: "dana.lee@lakeside.example",
  phone: "612-555-0100",
  password: "correct horse battery staple",
};

export function renderForm(action: CheckAction = vi.fn<CheckAction>(async () => ({ ok: true }))) {
  const user = userEvent.setup();
  const view = render(<CheckRegistrationForm action={action} payerName="HealthPartners" submissionId={SUBMISSION_ID} />);
  return { user, action, ...view };
}

export const passwordInput = () => screen.getByLabelText<HTMLInputElement>("Password", { selector: "input" });
export const textbox = (name: string) => screen.getByRole<HTMLInputElement>("textbox", { name });

/** Types every field, choosing the vendor number or the NPI as proof. */
export async function fillForm(user: ReturnType<typeof userEvent.setup>, proof: "vendor" | "npi" = "vendor") {
  await user.type(textbox("Tax ID"), typed.taxId);
  await user.type(textbox("Check number"), typed.checkNumber);
  if (proof === "npi") {
    await user.click(screen.getByRole("radio", { name: "NPI" }));
    await user.type(textbox("NPI"), typed.npi);
  } else {
    await user.type(textbox("Vendor number"), typed.vendorNumber);
  }
  await user.type(textbox("First name"), typed.firstName);
  await user.type(textbox("Last name"), typed.lastName);
  await user.type(textbox("Work email"), typed.email);
  await user.type(textbox("Work phone"), typed.phone);
  await user.type(passwordInput(), typed.password);
}

export const submit = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole("button", { name: "Create my account" }));
