import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { SignInForm } from "@/app/(public)/signin/signin-form";
import type { FormState } from "@/lib/forms/form-state";
import { sentFormData } from "./sent-form-data";

type SignInState = FormState<"email" | "password" | "callbackUrl">;
type SignInAction = (state: SignInState, formData: FormData) => Promise<SignInState>;

const GENERIC_ERROR = "The email address or password is not right. Check them and try again.";
const EMAIL = "dana.lee@lakeside.example";
/** What the sign-in action answers for a wrong email or password (it never echoes the password). */
const wrongPassword: SignInState = {
  ok: false,
  message: GENERIC_ERROR,
  fieldErrors: { email: ["Check your email address."], password: ["Check your password."] },
  values: { email: EMAIL, callbackUrl: "/access?taxId=411234567" },
};
const password = () => screen.getByLabelText<HTMLInputElement>("Password", { selector: "input" });

function renderSignIn(action: SignInAction) {
  const user = userEvent.setup();
  const view = render(<SignInForm action={action} callbackUrl="/access?taxId=411234567" />);
  return { user, ...view };
}

async function signIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole("textbox", { name: "Email" }), EMAIL);
  await user.type(password(), "not the right password");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("SignInForm", () => {
  it("sends the email, the password and where to go next", async () => {
    const action = vi.fn<SignInAction>(async () => ({ ok: true }));
    const { user } = renderSignIn(action);
    await signIn(user);

    expect(action).toHaveBeenCalledTimes(1);
    expect(Object.fromEntries(sentFormData(action))).toEqual({
      callbackUrl: "/access?taxId=411234567",
      email: EMAIL,
      password: "not the right password",
    });
  });

  it("shows one message for a wrong email or password, keeps the email and empties the password", async () => {
    const action = vi.fn<SignInAction>(async () => wrongPassword);
    const { user, container } = renderSignIn(action);
    await signIn(user);

    const alert = await within(container.querySelector("form")!).findByRole("alert");
    expect(alert).toHaveTextContent(GENERIC_ERROR);
    await vi.waitFor(() => expect(alert).toHaveFocus());
    // Both fields are flagged alike, so the answer doesn't tell which half was wrong.
    expect(within(alert).getAllByRole("link").map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Email: Check your email address.", "#email"],
      ["Password: Check your password.", "#password"],
    ]);
    const email = screen.getByRole("textbox", { name: "Email" });
    expect(email).toHaveValue(EMAIL);
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(password()).toHaveValue("");
    expect(password()).toHaveAttribute("aria-invalid", "true");
    expect(password()).toHaveAccessibleDescription("Check your password.");
    expect(container.querySelector('input[name="callbackUrl"]')).toHaveValue("/access?taxId=411234567");
  });

  it("shows the pending label while signing in", async () => {
    let finish: (state: SignInState) => void = () => {};
    const action = vi.fn<SignInAction>(() => new Promise((resolve) => (finish = resolve)));
    const { user } = renderSignIn(action);
    await signIn(user);

    expect(await screen.findByRole("button", { name: "Signing in…" })).toBeDisabled();
    finish(wrongPassword);
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeEnabled();
  });
});
