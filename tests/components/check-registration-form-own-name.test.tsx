import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { refusalState } from "@/lib/registration/refusal-state";
import { type CheckAction, fillForm, passwordInput, renderForm, submit, typed } from "./check-registration-form-helpers";
import { sentFormData } from "./sent-form-data";

describe("CheckRegistrationForm: one person, one account", () => {
  it("asks 'Are you Ann Rivera, MD?' and goes on once the checkbox is ticked", async () => {
    const { password: _password, npi: _npi, ...echoed } = typed;
    const action = vi
      .fn<CheckAction>()
      .mockResolvedValueOnce(refusalState({ ok: false, code: "confirm_own_name", clinicianName: "Ann Rivera, MD" }, { ...echoed, proof: "vendor", firstName: "Ann", lastName: "Rivera" }))
      .mockResolvedValueOnce({ ok: true });
    const { user } = renderForm(action);
    await fillForm(user);
    await submit(user);

    const question = await screen.findByRole("group", { name: "Are you Ann Rivera, MD?" });
    await user.click(within(question).getByRole("checkbox", { name: /this is my own name/ }));
    // The password is typed again after a submit (React resets the form; jsdom may not, so clear it first).
    await user.clear(passwordInput());
    await user.type(passwordInput(), typed.password);
    await submit(user);

    expect(action).toHaveBeenCalledTimes(2);
    expect(sentFormData(action, 1).get("confirmOwnName")).toBe("yes");
  });

  it("links to 'My provider is not listed'", () => {
    renderForm();
    expect(screen.getByRole("link", { name: "My provider is not listed" })).toHaveAttribute("href", "/register/provider/not-listed");
  });
});
