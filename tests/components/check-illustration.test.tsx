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

describe("CheckIllustration with the NPI chosen", () => {
  it("points at the payee's NPI instead of the vendor number, in its name, description and caption", () => {
    render(<CheckIllustration payerName="HealthPartners" highlight="npi" />);
    const image = screen.getByRole("img", { name: "Where to find the numbers on a HealthPartners check: the check number and the NPI" });
    expect(image).toHaveAccessibleDescription(expect.stringContaining("The NPI the check was paid to is printed under the payee's name"));
    expect(image).not.toHaveAccessibleDescription(expect.stringContaining("vendor number"));
    expect(image).toHaveTextContent("Payee NPI 1234567890");
    expect(screen.getByText(/under the payee's name/, { selector: "figcaption p" })).toBeInTheDocument();
    expect(screen.queryByText(/under the HealthPartners address/)).not.toBeInTheDocument();
  });

  it("follows the choice in the check registration form", async () => {
    const { renderForm } = await import("./check-registration-form-helpers");
    const { user } = renderForm();
    expect(screen.getByRole("img", { name: "Where to find the numbers on a HealthPartners check" })).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "NPI" }));
    expect(screen.getByRole("img", { name: /the check number and the NPI/ })).toBeInTheDocument();
  });
});
