import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DemoBanner } from "@/components/demo-banner";

describe("the demo banner", () => {
  it("says in a landmark that nothing is sent and nothing real belongs here", () => {
    render(<DemoBanner />);
    const banner = screen.getByRole("complementary", { name: "Demo site" });
    expect(banner).toHaveTextContent("Demo site: emails are not sent; they appear in the dev mailbox. Don't enter real information.");
  });
});
