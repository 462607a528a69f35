import { describe, expect, it } from "vitest";
import { AUDIT_LIMITS, auditActorLabel, auditText, INVALID_EMAIL_LABEL } from "@/lib/audit";

describe("values written to the audit log", () => {
  it("labels an actor by the normalized email only when it is a valid email", () => {
    expect(auditActorLabel("  Pat.Morgan@Northside.Example ")).toBe("pat.morgan@northside.example");
    expect(auditActorLabel("correct horse battery staple")).toBe(INVALID_EMAIL_LABEL);
    expect(auditActorLabel("northside-demo-pass")).toBe(INVALID_EMAIL_LABEL);
    expect(auditActorLabel("a@b.example\u0000<script>")).toBe(INVALID_EMAIL_LABEL);
    expect(auditActorLabel(`${"a".repeat(250)}@x.example`)).toBe(INVALID_EMAIL_LABEL);
    expect(auditActorLabel(null)).toBeNull();
    expect(auditActorLabel("   ")).toBeNull();
  });

  it("stores plain text on one line: no controls, no markup, bounded", () => {
    expect(auditText('<img src=x onerror="alert(1)">', 100)).toBe('\u2039img src=x onerror="alert(1)"\u203a');
    expect(auditText("line one\r\nline two\u0000\u0085\u202eevil", 100)).toBe("line one line two evil");
    expect(auditText("x".repeat(5000), AUDIT_LIMITS.reason)).toHaveLength(AUDIT_LIMITS.reason);
    expect(auditText("x".repeat(5000), AUDIT_LIMITS.reason)?.endsWith("\u2026")).toBe(true);
    expect(auditText("\u0001\u0002", 10)).toBeNull();
  });
});
