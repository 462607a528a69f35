import Link from "next/link";
import type { ComponentProps } from "react";

type Variant = "primary" | "secondary" | "link";

const base =
  "inline-flex items-center justify-center gap-2 rounded-md px-5 py-2.5 text-base font-semibold no-underline transition-colors disabled:cursor-not-allowed disabled:opacity-70";
const variants: Record<Variant, string> = {
  primary: "bg-brand text-white hover:bg-brand-strong hover:text-white",
  secondary: "border border-brand bg-surface text-brand hover:bg-brand-soft",
  link: "px-0 py-0 font-medium text-brand underline underline-offset-2 hover:text-brand-strong",
};

export function buttonClasses(variant: Variant = "primary", extra = ""): string {
  return `${base} ${variants[variant]} ${extra}`.trim();
}

export function ButtonLink({ variant = "primary", className = "", ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link {...props} className={buttonClasses(variant, className)} />;
}
