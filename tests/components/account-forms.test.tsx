import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ChangeEmailForm } from "@/app/(portal)/account/email/change-email-form";
import { ChangePasswordForm } from "@/app/(portal)/account/password/change-password-form";
import { ResetPasswordForm } from "@/app/(public)/reset-password/reset-password-form";
import type { FormState } from "@/lib/forms/form-state";
import { sentFormData } from "./sent-form-data";

type Action<Field extends string> = (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;
const TOKEN = "A".repeat(43);
const password = (label: string) => screen.getByLabelText<HTMLInputElement>(label, { selector: "input" });

describe("ResetPasswordForm", () => {
  it("sends the link's token and the new password typed twice", async () => {
    const action = vi.fn<Action<"token" | "password" | "confirmPassword">>(async () => ({ ok: true }));
    const user = userEvent.setup();
    render(<ResetPasswordForm action={action} token={TOKEN} />);
    await user.type(password("New password"), "harbor lights at dusk");
    await user.type(password("New password again"), "harbor lights at dusk");
    await user.click(screen.getByRole("button", { name: "Save my new password" }));
    expect(Object.fromEntries(sentFormData(action))).toEqual({ token: TOKEN, password: "harbor lights at dusk", confirmPassword: "harbor lights at dusk" });
  });

  it("shows each field's error, and empties both password boxes", async () => {
    const action = vi.fn<Action<"token" | "password" | "confirmPassword">>(async () => ({
      ok: false,
      message: "Please correct the field marked below.",
      fieldErrors: { confirmPassword: ["The two passwords are different. Type the same new password in both boxes."] },
      values: { token: TOKEN },
    }));
    const user = userEvent.setup();
    const { container } = render(<ResetPasswordForm action={action} token={TOKEN} />);
    await user.type(password("New password"), "harbor lights at dusk");
    await user.type(password("New password again"), "harbor lights at dawn");
    await user.click(screen.getByRole("button", { name: "Save my new password" }));
    const alert = await within(container.querySelector("form")!).findByRole("alert");
    await vi.waitFor(() => expect(alert).toHaveFocus());
    expect(within(alert).getByRole("link")).toHaveAttribute("href", "#confirmPassword");
    expect(password("New password again")).toHaveAttribute("aria-invalid", "true");
    expect(password("New password")).toHaveValue("");
    expect(password("New password again")).toHaveValue("");
  });

  it("says when the link can't be used any more, with a way to get a new one", async () => {
    const action = vi.fn<Action<"token" | "password" | "confirmPassword">>(async () => ({ ok: false, message: "This link can't be used any more.", data: { linkProblem: "used" } }));
    const user = userEvent.setup();
    render(<ResetPasswordForm action={action} token={TOKEN} />);
    await user.type(password("New password"), "harbor lights at dusk");
    await user.type(password("New password again"), "harbor lights at dusk");
    await user.click(screen.getByRole("button", { name: "Save my new password" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This link has already been used");
    expect(screen.getByRole("link", { name: "Send a new link" })).toHaveAttribute("href", "/signin/forgot");
  });
});

describe("ChangePasswordForm", () => {
  it("flags a wrong current password on its field and keeps no password typed", async () => {
    const action = vi.fn<Action<"currentPassword" | "password" | "confirmPassword">>(async () => ({
      ok: false,
      message: "Please correct the field marked below.",
      fieldErrors: { currentPassword: ["That isn't your current password. Check it and try again."] },
    }));
    const user = userEvent.setup();
    render(<ChangePasswordForm action={action} />);
    await user.type(password("Current password"), "wrong guess");
    await user.type(password("New password"), "harbor lights at dusk");
    await user.type(password("New password again"), "harbor lights at dusk");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(Object.fromEntries(sentFormData(action))).toEqual({ currentPassword: "wrong guess", password: "harbor lights at dusk", confirmPassword: "harbor lights at dusk" });
    expect(await screen.findByText("That isn't your current password. Check it and try again.", { selector: "span" })).toBeVisible();
    expect(password("Current password")).toHaveAccessibleDescription("That isn't your current password. Check it and try again.");
    for (const label of ["Current password", "New password", "New password again"]) expect(password(label)).toHaveValue("");
  });
});

describe("ChangeEmailForm", () => {
  it("keeps the new address typed after an error", async () => {
    const action = vi.fn<Action<"newEmail" | "currentPassword">>(async () => ({
      ok: false,
      message: "Please correct the field marked below.",
      fieldErrors: { currentPassword: ["That isn't your current password. Check it and try again."] },
      values: { newEmail: "dana@new.example" },
    }));
    const user = userEvent.setup();
    render(<ChangeEmailForm action={action} />);
    await user.type(screen.getByRole("textbox", { name: "New email address" }), "dana@new.example");
    await user.type(password("Current password"), "wrong guess");
    await user.click(screen.getByRole("button", { name: "Send a confirmation link" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Current password: That isn't your current password.");
    expect(screen.getByRole("textbox", { name: "New email address" })).toHaveValue("dana@new.example");
    expect(password("Current password")).toHaveValue("");
  });
});
