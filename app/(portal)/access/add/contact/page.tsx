import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/dal";

/**
 * "Contact a representative" about a Tax ID without a check is the Help Center's Contact us,
 * with its topic chosen and the account's details filled in: old links and bookmarks go there.
 */
export default async function ContactRepresentativePage() {
  await requireUser("/access/add/contact");
  redirect("/help/contact?topic=add-tax-id");
}
