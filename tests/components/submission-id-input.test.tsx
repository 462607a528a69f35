import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SubmissionIdInput } from "@/components/form/submission-id-input";
import { SubmissionIdSchema } from "@/lib/forms/submission-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function idOf(container: HTMLElement): string {
  return (container.querySelector('input[name="submissionId"]') as HTMLInputElement).value;
}

describe("a form's one-time id", () => {
  it("is made in the browser, one per form shown, and stays while the form does", () => {
    const first = render(<SubmissionIdInput />);
    const second = render(<SubmissionIdInput />);
    const id = idOf(first.container);
    expect(id).toMatch(UUID);
    expect(idOf(second.container)).toMatch(UUID);
    expect(idOf(second.container)).not.toBe(id);
    first.rerender(<SubmissionIdInput />);
    expect(idOf(first.container)).toBe(id);
  });

  it("uses the id it is given", () => {
    expect(idOf(render(<SubmissionIdInput value="5b0c3d1e-2f4a-4b6c-8d9e-0a1b2c3d4e5f" />).container)).toBe("5b0c3d1e-2f4a-4b6c-8d9e-0a1b2c3d4e5f");
  });

  it("on the server: none (a form sent without JavaScript) gets a fresh one, anything else but an id is refused", () => {
    expect(SubmissionIdSchema.parse("")).toMatch(UUID);
    expect(SubmissionIdSchema.parse(undefined)).toMatch(UUID);
    expect(SubmissionIdSchema.parse("5b0c3d1e-2f4a-4b6c-8d9e-0a1b2c3d4e5f")).toBe("5b0c3d1e-2f4a-4b6c-8d9e-0a1b2c3d4e5f");
    const refused = SubmissionIdSchema.safeParse("not-an-id");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.message).join(" ")).toContain("This form has expired. Reload the page and try again.");
  });
});
