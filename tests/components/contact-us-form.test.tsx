import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ContactUsForm } from "@/app/(public)/help/contact/contact-us-form";
import type { ContactUsField } from "@/lib/cases/contact-us-schema";
import type { FormState } from "@/lib/forms/form-state";
import { sentFormData } from "./sent-form-data";

type State = FormState<ContactUsField>;
type Action = (state: State, formData: FormData) => Promise<State>;
const SUBMISSION_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

const textbox = (name: string | RegExp) => screen.getByRole<HTMLInputElement>("textbox", { name });

describe("ContactUsForm", () => {
  it("asks for the topic, the Tax ID and NPI, the message and the contact details, and sends them with the submission id", async () => {
    const action = vi.fn<Action>(async () => ({ ok: true }));
    const user = userEvent.setup();
    render(<ContactUsForm action={action} submissionId={SUBMISSION_ID} />);

    const topics = within(screen.getByRole("group", { name: "What is this about?" })).getAllByRole("radio");
    expect(topics.map((radio) => radio.getAttribute("value"))).toEqual(["add-tax-id", "pin-letter", "delegate-left", "other"]);
    expect(topics.every((radio) => !(radio as HTMLInputElement).checked)).toBe(true);
    expect(textbox("NPI (optional)")).not.toBeRequired();
    expect(textbox("Your phone (optional)")).not.toBeRequired();

    await user.click(screen.getByRole("radio", { name: /My delegate left/ }));
    await user.type(textbox("Tax ID"), "41-2345678");
    await user.type(textbox("Your message"), "Our delegate retired in May.");
    await user.type(textbox("Your name"), "Robin Diaz");
    await user.type(textbox("Your email"), "robin@northside.example");
    await user.click(screen.getByRole("button", { name: "Send to a representative" }));

    expect(Object.fromEntries(sentFormData(action))).toEqual({
      submissionId: SUBMISSION_ID,
      topic: "delegate-left",
      taxId: "41-2345678",
      npi: "",
      message: "Our delegate retired in May.",
      name: "Robin Diaz",
      email: "robin@northside.example",
      phone: "",
    });
  });

  it("starts from the topic of the link followed and the account's details when signed in", () => {
    render(
      <ContactUsForm
        action={vi.fn<Action>()}
        submissionId={SUBMISSION_ID}
        prefill={{ topic: "add-tax-id", name: "Pat Morgan", email: "pat.morgan@northside.example", phone: "(612) 555-0142" }}
      />,
    );
    expect(screen.getByRole("radio", { name: /Add a Tax ID without a check/ })).toBeChecked();
    expect(textbox("Your name")).toHaveValue("Pat Morgan");
    expect(textbox("Your email")).toHaveValue("pat.morgan@northside.example");
    expect(screen.getByRole("textbox", { name: "Your phone (optional)" })).toHaveValue("(612) 555-0142");
  });

  it("shows every field's error, focuses the summary and keeps what was typed", async () => {
    const action = vi.fn<Action>(async () => ({
      ok: false,
      message: "Please correct the 2 fields marked below.",
      fieldErrors: { taxId: ["Enter your organization's Tax ID."], email: ["Enter an email address like name@example.com."] },
      values: { topic: "pin-letter", taxId: "", npi: "", message: "No letter yet.", name: "Robin Diaz", email: "robin@", phone: "" },
    }));
    const user = userEvent.setup();
    const { container } = render(<ContactUsForm action={action} submissionId={SUBMISSION_ID} />);
    await user.click(screen.getByRole("button", { name: "Send to a representative" }));

    const alert = await within(container.querySelector("form")!).findByRole("alert");
    await vi.waitFor(() => expect(alert).toHaveFocus());
    expect(within(alert).getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual(["#taxId", "#email"]);
    expect(textbox("Tax ID")).toHaveAttribute("aria-invalid", "true");
    expect(textbox("Tax ID")).toHaveAccessibleDescription(expect.stringContaining("Enter your organization's Tax ID."));
    expect(textbox("Your email")).toHaveValue("robin@");
    expect(textbox("Your message")).toHaveValue("No letter yet.");
    expect(textbox("Your name")).toHaveValue("Robin Diaz");
    expect(screen.getByRole("radio", { name: /My PIN letter did not arrive/ })).toBeChecked();
  });
});
