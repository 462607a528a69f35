import { z } from "zod";
import { EmailSchema, FirstNameSchema, LastNameSchema, PasswordSchema, PhoneSchema } from "@/lib/validation";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ForgotPasswordSchema = z.object({ email: EmailSchema });

const CurrentPassword = z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024, "Enter your current password.");

/** A new password typed twice: the registration rules, and both boxes the same. */
const newPasswordShape = {
  password: PasswordSchema,
  confirmPassword: z.string({ error: "Type the new password again." }).min(1, "Type the new password again."),
};
const bothTheSame = (value: { password: string; confirmPassword: string }) => value.password === value.confirmPassword;
const notTheSame = { message: "The two passwords are different. Type the same new password in both boxes.", path: ["confirmPassword"] };

export const ResetPasswordSchema = z
  .object({ token: z.string().max(200).default(""), ...newPasswordShape })
  .refine(bothTheSame, notTheSame);

export const ChangePasswordSchema = z.object({ currentPassword: CurrentPassword, ...newPasswordShape }).refine(bothTheSame, notTheSame);

export const ChangeEmailSchema = z.object({
  newEmail: EmailSchema,
  currentPassword: CurrentPassword,
});

export const ContactDetailsSchema = z.object({ firstName: FirstNameSchema, lastName: LastNameSchema, phone: PhoneSchema });

export const SessionIdSchema = z.object({ sessionId: z.string().regex(UUID, "That session can't be found. Reload the page.") });

export const LinkTokenSchema = z.object({ token: z.string().max(200).default("") });
