import { z } from "zod";

/** The person's own name for a passkey ("Office laptop"): shared by the form and the server. */
export const PasskeyNameSchema = z
  .string({ error: "Give this passkey a name, such as “Office laptop”." })
  .transform((value) => value.normalize("NFKC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Give this passkey a name, such as “Office laptop”.")
      .max(60, "Use 60 characters or fewer.")
      .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "Use letters, numbers and spaces."),
  );
