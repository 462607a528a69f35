import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Field } from "@/components/form/field";

describe("Field", () => {
  it("labels the input and describes it with its hint", () => {
    render(<Field name="taxId" label="Tax ID" hint="9 digits, like 41-1234567." defaultValue="41-1234567" />);
    const input = screen.getByRole("textbox", { name: "Tax ID" });
    expect(input).toHaveAttribute("id", "taxId");
    expect(input).toHaveAttribute("name", "taxId");
    expect(input).toHaveValue("41-1234567");
    expect(input).toHaveAttribute("aria-describedby", "taxId-hint");
    expect(input).toHaveAccessibleDescription("9 digits, like 41-1234567.");
    expect(input).not.toHaveAttribute("aria-invalid");
  });

  it("has no description at all without a hint or errors", () => {
    render(<Field name="firstName" label="First name" />);
    const input = screen.getByRole("textbox", { name: "First name" });
    expect(input).not.toHaveAttribute("aria-describedby");
    expect(input).not.toHaveAttribute("aria-invalid");
  });

  it("marks the input invalid and adds every error to its description, after the hint", () => {
    render(<Field name="taxId" label="Tax ID" hint="9 digits." errors={["Enter the Tax ID.", "Use digits only."]} />);
    const input = screen.getByRole("textbox", { name: "Tax ID" });
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAttribute("aria-describedby", "taxId-hint taxId-error");
    expect(input).toHaveAccessibleDescription("9 digits. Enter the Tax ID. Use digits only.");
    expect(document.getElementById("taxId-error")).toHaveAttribute("aria-live", "polite");
  });

  it("ties errors to the input when there is no hint", () => {
    render(<Field name="email" label="Work email" type="email" errors={["Enter your email address."]} />);
    const input = screen.getByRole("textbox", { name: "Work email" });
    expect(input).toHaveAttribute("aria-describedby", "email-error");
    expect(input).toHaveAccessibleDescription("Enter your email address.");
  });

  it("is not invalid with an empty error list", () => {
    render(<Field name="phone" label="Work phone" hint="10 digits." errors={[]} />);
    const input = screen.getByRole("textbox", { name: "Work phone" });
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(input).toHaveAttribute("aria-describedby", "phone-hint");
  });

  it("can be marked invalid without a message of its own", () => {
    render(<Field name="password" label="Password" type="password" invalid />);
    const input = screen.getByLabelText("Password");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).not.toHaveAttribute("aria-describedby");
  });

  it("uses a custom id for the label and the descriptions", () => {
    render(<Field name="npi" id="delegate-npi" label="NPI" hint="10 digits." errors={["Enter the NPI."]} />);
    const input = screen.getByRole("textbox", { name: "NPI" });
    expect(input).toHaveAttribute("id", "delegate-npi");
    expect(input).toHaveAttribute("name", "npi");
    expect(input).toHaveAttribute("aria-describedby", "delegate-npi-hint delegate-npi-error");
  });
});
