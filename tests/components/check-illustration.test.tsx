import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CheckIllustration } from "@/components/check-illustration";

describe("CheckIllustration", () => {
  it("names the payer in its accessible name, on the drawn check and in the caption", () => {
    render(<CheckIllustration payerName="Lakeside Health Plan" />);
    // Named by its <title>, described by its <desc>.
    const image = screen.getByRole("img", { name: "Where to find the numbers on a Lakeside Health Plan check" });
    expect(image).toHaveAccessibleDescription(expect.stringContaining("The vendor number is printed below the payer's address"));
    expect(image).toHaveTextContent("Lakeside Health Plan");
    expect(screen.getByText(/under the Lakeside Health Plan address/)).toBeInTheDocument();
    expect(screen.queryByText(/HealthPartners/)).not.toBeInTheDocument();
  });
});
