import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ChangeAccessForm } from "@/app/(portal)/users/[userId]/change-access-form";
import { InviteForm } from "@/app/(portal)/users/invite/invite-form";
import type { FormState } from "@/lib/forms/form-state";
import type { InviteField } from "@/lib/invitations/invite-schema";
import { accessFromForm } from "@/lib/users/access-form";
import type { GrantableUnit, ManagedOrganization } from "@/lib/users/delegate-organizations";
import { sentFormData } from "./sent-form-data";

type InviteAction = (state: FormState<InviteField>, formData: FormData) => Promise<FormState<InviteField>>;
type AccessAction = (state: FormState<"access">, formData: FormData) => Promise<FormState<"access">>;

const SUBMISSION_ID = "5d0f6f0e-2b1a-4e55-9a0c-6a3f2d9b7c11";
const ACCURATE: ManagedOrganization = { organizationId: "0b5c7a52-7d0e-4d55-8f3a-3c1f4e2a9b10", kind: "billing", taxId: "419876543", name: "Accurate Billing Services" };
const NORTHSIDE_UNIT: GrantableUnit = {
  key: "7f1e2d3c-4b5a-5968-8778-695a4b3c2d1e",
  organizationId: ACCURATE.organizationId,
  kind: "billing",
  taxId: "412345678",
  name: "Northside Pediatrics",
  allNpis: true,
  npis: [{ npi: "1450239870", name: "Northside Pediatrics", type: "organization" }],
};
const LAKESIDE_UNIT: GrantableUnit = {
  key: "2a3b4c5d-6e7f-5a8b-9c0d-1e2f3a4b5c6d",
  organizationId: ACCURATE.organizationId,
  kind: "billing",
  taxId: "411234567",
  name: "Lakeside Family Clinic",
  allNpis: false,
  npis: [{ npi: "1234567893", name: "Lakeside Family Clinic", type: "organization" }],
};
const PROVIDER_UNIT: GrantableUnit = { ...NORTHSIDE_UNIT, key: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", organizationId: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", kind: "provider" };

async function fillPerson(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole("textbox", { name: "First name" }), "Jamie");
  await user.type(screen.getByRole("textbox", { name: "Last name" }), "Ortiz");
  await user.type(screen.getByRole("textbox", { name: /Work email/ }), "jamie@accuratebilling.example");
}

describe("InviteForm for a billing organization's delegate", () => {
  it("explains where access comes from, chooses no provider by default, and sends the organization joined", async () => {
    const action = vi.fn<InviteAction>(async () => ({ ok: true }));
    const user = userEvent.setup();
    render(<InviteForm action={action} units={[NORTHSIDE_UNIT, LAKESIDE_UNIT]} billingOrganizations={[ACCURATE]} submissionId={SUBMISSION_ID} />);
    expect(screen.getByText(/can give access only to the providers that approved it/)).toBeVisible();
    expect(screen.getByRole("link", { name: "Tax ID & NPI access" })).toHaveAttribute("href", "/access");
    expect(screen.getByRole("checkbox", { name: /Northside Pediatrics/ })).not.toBeChecked();
    await fillPerson(user);
    await user.click(screen.getByRole("button", { name: "Send the invitation" }));
    const sent = sentFormData(action);
    expect(sent.get("organizationId")).toBe(ACCURATE.organizationId);
    expect(accessFromForm(sent)).toEqual([]);
  });

  it("sends the whole Tax ID, or only the approved NPIs where the approval is for some NPIs", async () => {
    const action = vi.fn<InviteAction>(async () => ({ ok: true }));
    const user = userEvent.setup();
    render(<InviteForm action={action} units={[NORTHSIDE_UNIT, LAKESIDE_UNIT]} billingOrganizations={[ACCURATE]} submissionId={SUBMISSION_ID} />);
    await fillPerson(user);
    await user.click(screen.getByRole("checkbox", { name: /Northside Pediatrics/ }));
    await user.click(screen.getByRole("checkbox", { name: /Lakeside Family Clinic/ }));
    // Lakeside approved one NPI only: no "All NPIs" choice, its NPIs are listed at once.
    expect(screen.getAllByRole("radio", { name: "All NPIs, including any added later" })).toHaveLength(1);
    await user.click(screen.getByRole("checkbox", { name: /1234567893/ }));
    await user.click(screen.getByRole("button", { name: "Send the invitation" }));
    expect(accessFromForm(sentFormData(action))).toEqual([
      { key: NORTHSIDE_UNIT.key, npis: null },
      { key: LAKESIDE_UNIT.key, npis: ["1234567893"] },
    ]);
  });

  it("a provider delegate's form is unchanged: its one Tax ID is chosen already and no organization is sent", async () => {
    const action = vi.fn<InviteAction>(async () => ({ ok: true }));
    const user = userEvent.setup();
    render(<InviteForm action={action} units={[PROVIDER_UNIT]} submissionId={SUBMISSION_ID} />);
    expect(screen.queryByText(/providers that approved it/)).not.toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "All NPIs, including any added later" })).toBeChecked();
    await fillPerson(user);
    await user.click(screen.getByRole("button", { name: "Send the invitation" }));
    const sent = sentFormData(action);
    expect(sent.get("organizationId")).toBeNull();
    expect(accessFromForm(sent)).toEqual([{ key: PROVIDER_UNIT.key, npis: null }]);
  });
});

describe("ChangeAccessForm for a billing organization's provider", () => {
  it("starts on 'No access' when they have none, and sends the choice", async () => {
    const action = vi.fn<AccessAction>(async () => ({ ok: true, message: "Access changed." }));
    const user = userEvent.setup();
    render(<ChangeAccessForm action={action} unit={NORTHSIDE_UNIT} current={null} allowNone />);
    expect(screen.getByRole("radio", { name: "No access" })).toBeChecked();
    await user.click(screen.getByRole("radio", { name: "Only the NPIs I choose" }));
    await user.click(screen.getByRole("checkbox", { name: /1450239870/ }));
    await user.click(screen.getByRole("button", { name: "Save access to Northside Pediatrics" }));
    expect(accessFromForm(sentFormData(action))).toEqual([{ key: NORTHSIDE_UNIT.key, npis: ["1450239870"] }]);
    expect(await screen.findByRole("status")).toHaveTextContent("Access changed.");
  });

  it("'No access' leaves the unit out, which the action reads as taking access away", async () => {
    const action = vi.fn<AccessAction>(async () => ({ ok: true }));
    const user = userEvent.setup();
    render(<ChangeAccessForm action={action} unit={NORTHSIDE_UNIT} current={{ key: NORTHSIDE_UNIT.key, npis: null }} allowNone />);
    expect(screen.getByRole("radio", { name: "All NPIs, including any added later" })).toBeChecked();
    await user.click(screen.getByRole("radio", { name: "No access" }));
    await user.click(screen.getByRole("button", { name: /Save access/ }));
    expect(accessFromForm(sentFormData(action))).toEqual([]);
  });
});
