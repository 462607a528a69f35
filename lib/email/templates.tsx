import { render } from "@react-email/render";
import AccessAdded, { accessAddedSubject, type AccessAddedProps } from "@/emails/access-added";
import AccountExists, { accountExistsSubject, type AccountExistsProps } from "@/emails/account-exists";
import CaseReceived, { caseReceivedSubject, type CaseReceivedProps } from "@/emails/case-received";
import Invitation, { invitationSubject, type InvitationProps } from "@/emails/invitation";
import DelegateReplaced, { delegateReplacedSubject, type DelegateReplacedProps } from "@/emails/delegate-replaced";
import SecurityNotice, { securityNoticeSubject, type SecurityNoticeProps } from "@/emails/security-notice";
import VerifyEmail, { verifyEmailSubject, type VerifyEmailProps } from "@/emails/verify-email";
import PasswordReset, { passwordResetSubject, type PasswordResetProps } from "@/emails/password-reset";
import EmailChange, { emailChangeSubject, type EmailChangeProps } from "@/emails/email-change";
import ProviderApproval, { providerApprovalSubject, type ProviderApprovalProps } from "@/emails/provider-approval";
import AccessRequestAnswered, { accessRequestAnsweredSubject, type AccessRequestAnsweredProps } from "@/emails/access-request-answered";
import CaseReply, { caseReplySubject, type CaseReplyProps } from "@/emails/case-reply";

/** Every email the portal sends, by name, with the props its template takes. */
export type EmailMessage =
  | { template: "verify-email"; to: string; props: VerifyEmailProps }
  | { template: "account-exists"; to: string; props: AccountExistsProps }
  | { template: "case-received"; to: string; props: CaseReceivedProps }
  | { template: "invitation"; to: string; props: InvitationProps }
  | { template: "access-added"; to: string; props: AccessAddedProps }
  | { template: "delegate-replaced"; to: string; props: DelegateReplacedProps }
  | { template: "security-notice"; to: string; props: SecurityNoticeProps }
  | { template: "password-reset"; to: string; props: PasswordResetProps }
  | { template: "email-change"; to: string; props: EmailChangeProps }
  | { template: "provider-approval"; to: string; props: ProviderApprovalProps }
  | { template: "access-request-answered"; to: string; props: AccessRequestAnsweredProps }
  | { template: "case-reply"; to: string; props: CaseReplyProps };

export interface RenderedEmail {
  template: EmailMessage["template"];
  to: string;
  subject: string;
  html: string;
  text: string;
}

function element(message: EmailMessage): { subject: string; node: React.ReactElement } {
  switch (message.template) {
    case "verify-email":
      return { subject: verifyEmailSubject(message.props), node: <VerifyEmail {...message.props} /> };
    case "account-exists":
      return { subject: accountExistsSubject(message.props), node: <AccountExists {...message.props} /> };
    case "case-received":
      return { subject: caseReceivedSubject(message.props), node: <CaseReceived {...message.props} /> };
    case "invitation":
      return { subject: invitationSubject(message.props), node: <Invitation {...message.props} /> };
    case "access-added":
      return { subject: accessAddedSubject(message.props), node: <AccessAdded {...message.props} /> };
    case "delegate-replaced":
      return { subject: delegateReplacedSubject(message.props), node: <DelegateReplaced {...message.props} /> };
    case "security-notice":
      return { subject: securityNoticeSubject(message.props), node: <SecurityNotice {...message.props} /> };
    case "password-reset":
      return { subject: passwordResetSubject(message.props), node: <PasswordReset {...message.props} /> };
    case "email-change":
      return { subject: emailChangeSubject(message.props), node: <EmailChange {...message.props} /> };
    case "provider-approval":
      return { subject: providerApprovalSubject(message.props), node: <ProviderApproval {...message.props} /> };
    case "access-request-answered":
      return { subject: accessRequestAnsweredSubject(message.props), node: <AccessRequestAnswered {...message.props} /> };
    case "case-reply":
      return { subject: caseReplySubject(message.props), node: <CaseReply {...message.props} /> };
  }
}

export async function renderEmail(message: EmailMessage): Promise<RenderedEmail> {
  const { subject, node } = element(message);
  const [html, text] = await Promise.all([render(node), render(node, { plainText: true })]);
  return { template: message.template, to: message.to, subject, html, text };
}
