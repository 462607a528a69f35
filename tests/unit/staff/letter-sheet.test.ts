import { describe, expect, it } from "vitest";
import { describeGrantEvent } from "@/app/staff/records/[taxId]/grant-event";
import { letterSheetHtml } from "@/lib/staff/letters/letter-sheet";

describe("letterSheetHtml", () => {
  it("keeps the body's content and inline style, without the document around it", () => {
    const sheet = letterSheetHtml('<!DOCTYPE html><html lang="en"><head><title>PIN</title></head><body style="margin:0;padding:24px 0"><p>ABCD-EFGH</p></body></html>');
    expect(sheet).toBe('<div style="margin:0;padding:24px 0"><p>ABCD-EFGH</p></div>');
  });

  it("refuses a document without a body", () => {
    expect(() => letterSheetHtml("<p>no body</p>")).toThrow("The rendered letter has no body.");
  });
});

describe("describeGrantEvent", () => {
  const base = { outcome: "success", reason: null, details: null, actorLabel: null, actorFirstName: null, actorLastName: null, subjectFirstName: null, subjectLastName: null };

  it("says what happened, to whom, by whom and how", () => {
    expect(describeGrantEvent({ ...base, action: "access.granted", details: { method: "us_mail_pin" }, subjectFirstName: "Pat", subjectLastName: "Morgan", actorFirstName: "Pat", actorLastName: "Morgan" })).toBe(
      "Access granted to Pat Morgan (us mail pin)",
    );
    expect(describeGrantEvent({ ...base, action: "access.revoked", reason: "left_organization", subjectFirstName: "Casey", subjectLastName: "Cole", actorFirstName: "Pat", actorLastName: "Morgan" })).toBe(
      "Access revoked for Casey Cole by Pat Morgan: left organization",
    );
  });
});
