import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { FaqSearch } from "@/app/(public)/help/faq-search";
import { FAQ_GROUPS } from "@/lib/help/faq";

const total = FAQ_GROUPS.reduce((sum, group) => sum + group.entries.length, 0);

describe("FaqSearch", () => {
  it("lists every question by group, each linking to the page that does what it says", () => {
    render(<FaqSearch initialQuery="" payerName="HealthPartners" />);
    expect(screen.getByRole("status")).toHaveTextContent(`${total} questions match`);
    expect(screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent)).toEqual(["If you are a provider", "If you are a billing organization"]);
    expect(screen.getByRole("heading", { level: 3, name: "I don't have a HealthPartners check. How do I register?" })).toBeVisible();
    expect(screen.getByRole("link", { name: /Register with a non-payment notice/ })).toHaveAttribute("href", "/register/provider/notice");
    expect(screen.getByRole("link", { name: /My provider is not listed/ })).toHaveAttribute("href", "/register/provider/not-listed");
  });

  it("filters as you type and says how many questions match in a live region", async () => {
    const user = userEvent.setup();
    render(<FaqSearch initialQuery="" payerName="HealthPartners" />);
    const search = screen.getByRole("searchbox", { name: "Search the questions" });
    expect(within(screen.getByRole("search")).getByRole("searchbox")).toBe(search);

    await user.type(search, "pin mailed");
    expect(screen.getByRole("status")).toHaveTextContent("1 question matches");
    expect(screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent)).toEqual(["I don't have a HealthPartners check. How do I register?"]);
    expect(screen.queryByRole("heading", { level: 2, name: "If you are a billing organization" })).toBeNull();

    await user.clear(search);
    await user.type(search, "zebra");
    expect(screen.getByRole("status")).toHaveTextContent("No questions match");
    expect(screen.getByRole("link", { name: "contact us" })).toHaveAttribute("href", "/help/contact");
  });

  it("shows the server's answer to ?q= (no JavaScript needed) as a GET form", () => {
    render(<FaqSearch initialQuery="billing" payerName="HealthPartners" />);
    const form = screen.getByRole("search");
    expect(form).toHaveAttribute("action", "/help");
    expect(form).toHaveAttribute("method", "get");
    expect(screen.getByRole("searchbox")).toHaveValue("billing");
    expect(screen.getByRole("status")).not.toHaveTextContent(`${total} questions`);
  });
});
