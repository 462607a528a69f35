import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { findAccountSettings } from "@/db/queries/account-settings";

/** The signed-in person's own account, for the settings pages (read once per request). */
export const accountSettingsOf = cache(async (userId: string) => {
  const account = await findAccountSettings(db, userId);
  if (!account) notFound();
  return account;
});
