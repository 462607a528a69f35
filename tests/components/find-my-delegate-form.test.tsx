import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { FindMyDelegateForm } from "@/app/(public)/findmydelegate/find-my-delegate-form";
import type { FindMyDelegateField } from "@/lib/delegates/find-my-delegate-schema";
import type { FormState } from "@/lib/forms/form-state";
import { sentFormData } from "./sent-form-data";

type State = FormState<FindMyDelegateField>;
type Action = (state: State, formData: FormData) => Promise<State>;

const textbox = (name: string) => screen.getByRole<HTMLInputElement>("textbox", { name });

describe("FindMyDelegateForm", () => {
  it("sends the Tax ID and the optional NPI, then shows the masked delegates and moves focus to the answer", async () => {
    const action = vi.fn<Action>(async () => ({
      ok: true,
      values: { taxId: "41-2345678", npi: "" },
      data: { answer: "registered", taxId: "41-2345678", organizationName: "Northside Pediatrics", delegates: ["P. M., p•••@northside.example"] },
    }));
    const user = userEvent.setup();
    render(<FindMyDelegateForm action={action} />);
    expect(textbox("Tax ID")).toBeRequired();
    expect(textbox("NPI (optional)")).not.toBeRequired();
    await user.type(textbox("Tax ID"), "41-2345678");
    await user.click(screen.getByRole("button", { name: "Find my delegate" }));
    expect(Object.fromEntries(sentFormData(action))).toEqual({ taxId: "41-2345678", npi: "" });

    const answer = await screen.findByRole("region", { name: "Northside Pediatrics is registered" });
    // Focus moves in an effect after the answer renders: wait for it rather than race it.
    await vi.waitFor(() => expect(answer).toHaveFocus());
    expect(within(answer).getByRole("list", { name: "Delegates" })).toHaveTextContent("P. M., p•••@northside.example");
    expect(within(answer).getByRole("link", { name: "Register your billing service" })).toHaveAttribute("href", "/register");
    expect(textbox("Tax ID")).toHaveValue("41-2345678");
  });

  it("says when a Tax ID is not registered, with a link to register", async () => {
    const action = vi.fn<Action>(async () => ({ ok: true, values: { taxId: "41-5678901" }, data: { answer: "not_registered", taxId: "41-5678901" } }));
    const user = userEvent.setup();
    render(<FindMyDelegateForm action={action} />);
    await user.type(textbox("Tax ID"), "41-5678901");
    await user.click(screen.getByRole("button", { name: "Find my delegate" }));
    const answer = await screen.findByRole("region", { name: "Tax ID 41-5678901 is not registered" });
    // Focus moves in an effect after the answer renders: wait for it rather than race it.
    await vi.waitFor(() => expect(answer).toHaveFocus());
    expect(within(answer).getByRole("link", { name: "Register your organization" })).toHaveAttribute("href", "/register");
  });

  it("shows a field's error, keeps what was typed and shows no answer", async () => {
    const action = vi.fn<Action>(async () => ({
      ok: false,
      message: "Please correct the field marked below.",
      fieldErrors: { npi: ["This NPI doesn't bill under Tax ID 41-2345678 in our records. Check the NPI, or leave it blank."] },
      values: { taxId: "41-2345678", npi: "1234567893" },
    }));
    const user = userEvent.setup();
    render(<FindMyDelegateForm action={action} />);
    await user.type(textbox("Tax ID"), "41-2345678");
    await user.type(textbox("NPI (optional)"), "1234567893");
    await user.click(screen.getByRole("button", { name: "Find my delegate" }));
    const summary = await screen.findByRole("alert");
    await vi.waitFor(() => expect(summary).toHaveFocus());
    expect(textbox("NPI (optional)")).toHaveValue("1234567893");
    expect(textbox("NPI (optional)")).toHaveAttribute("aria-invalid", "true");
    expect(textbox("NPI (optional)")).toHaveAccessibleDescription(expect.stringContaining("doesn't bill under Tax ID 41-2345678"));
    expect(textbox("Tax ID")).toHaveValue("41-2345678");
    expect(screen.queryByRole("region")).toBeNull();
  });
});
