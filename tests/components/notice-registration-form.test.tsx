import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { NoticeRegistrationForm } from "@/app/(public)/register/provider/notice/notice-registration-form";
import type { FormState } from "@/lib/forms/form-state";
import type { NoticeRegistrationField } from "@/lib/registration/notice-registration-schema";
import { refusalState } from "@/lib/registration/refusal-state";
import { sentFormData } from "./sent-form-data";

type State = FormState<NoticeRegistrationField>;
type Action = (state: State, formData: FormData) => Promise<State>;

const SUBMISSION_ID = "3f0c2b1a-7d4e-4a5b-8c6d-9e0f1a2b3c4d";
const typed = {
  taxId: "41-4567890",
  npi: "1823456706",
  noticeNumber: "4400123",
  firstName: "Morgan",
  lastName: "Ellis",
  email: "morgan.ellis@prairie.example",
  phone: "507-555-0142",
  password: "prairie health front office",
};
const { password: _password, ...echoed } = typed;

function renderForm(action: Action) {
  const user = userEvent.setup();
  const view = render(<NoticeRegistrationForm action={action} payerName="HealthPartners" submissionId={SUBMISSION_ID} />);
  return { user, ...view };
}
const textbox = (name: string) => screen.getByRole<HTMLInputElement>("textbox", { name });
const passwordInput = () => screen.getByLabelText<HTMLInputElement>("Password", { selector: "input" });

async function fillForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(textbox("Tax ID"), typed.taxId);
  await user.type(textbox("NPI"), typed.npi);
  await user.type(textbox("Notice number"), typed.noticeNumber);
  await user.type(textbox("First name"), typed.firstName);
  await user.type(textbox("Last name"), typed.lastName);
  await user.type(textbox("Work email"), typed.email);
  await user.type(textbox("Work phone"), typed.phone);
  await user.type(passwordInput(), typed.password);
}
const submit = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole("button", { name: "Create my account" }));

describe("NoticeRegistrationForm", () => {
  it("labels every field, says where the number is printed and links to 'My provider is not listed'", () => {
    renderForm(vi.fn<Action>(async () => ({ ok: true })));
    for (const name of ["Tax ID", "NPI", "Notice number", "First name", "Last name", "Work email", "Work phone"]) expect(textbox(name)).toHaveAttribute("name");
    expect(textbox("Notice number")).toHaveAccessibleDescription(expect.stringContaining("Include the NP in front of the number"));
    expect(screen.getByText(/printed at the top right of the first page/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "My provider is not listed" })).toHaveAttribute("href", "/register/provider/not-listed");
  });

  it("sends what was typed", async () => {
    const action = vi.fn<Action>(async () => ({ ok: true }));
    const { user } = renderForm(action);
    await fillForm(user);
    await submit(user);
    expect(Object.fromEntries(sentFormData(action))).toEqual({ submissionId: SUBMISSION_ID, ...typed });
  });

  it("shows 'Include the NP in front of the number' on the notice number and keeps every value but the password", async () => {
    const action = vi.fn<Action>(async () => ({
      ok: false,
      message: "Include the NP in front of the number: type it exactly as printed on the notice, like NP4400123.",
      fieldErrors: { noticeNumber: ["Include the NP in front of the number"] },
      values: echoed,
    }));
    const { user, container } = renderForm(action);
    await fillForm(user);
    await submit(user);

    const alert = await within(container.querySelector("form")!).findByRole("alert");
    expect(within(alert).getByRole("link", { name: "Notice number: Include the NP in front of the number" })).toHaveAttribute("href", "#noticeNumber");
    const notice = textbox("Notice number");
    expect(notice).toHaveAttribute("aria-invalid", "true");
    expect(notice).toHaveAccessibleDescription(expect.stringContaining("Include the NP in front of the number"));
    for (const [name, value] of [["Tax ID", typed.taxId], ["NPI", typed.npi], ["Notice number", typed.noticeNumber], ["Work email", typed.email]] as const) {
      expect(textbox(name)).toHaveValue(value);
    }
    expect(passwordInput()).toHaveValue("");
  });

  it("asks 'Are you Ann Rivera, MD?' and goes on once the checkbox is ticked", async () => {
    const action = vi
      .fn<Action>()
      .mockResolvedValueOnce(refusalState({ ok: false, code: "confirm_own_name", clinicianName: "Ann Rivera, MD" }, { ...echoed, firstName: "Ann", lastName: "Rivera" }))
      .mockResolvedValueOnce({ ok: true });
    const { user } = renderForm(action);
    await fillForm(user);
    await submit(user);

    const question = await screen.findByRole("group", { name: "Are you Ann Rivera, MD?" });
    const confirm = within(question).getByRole("checkbox", { name: /this is my own name/ });
    expect(confirm).not.toBeChecked();
    await user.click(confirm);
    // The password is typed again after a submit (React resets the form; jsdom may not, so clear it first).
    await user.clear(passwordInput());
    await user.type(passwordInput(), typed.password);
    await submit(user);

    expect(action).toHaveBeenCalledTimes(2);
    const second = sentFormData(action, 1);
    expect(second.get("confirmOwnName")).toBe("yes");
    expect(second.get("firstName")).toBe("Ann");
    expect(second.get("password")).toBe(typed.password);
  });
});
