/** The session and account a second-step use case acts for (the data-access layer's user fits). */
export interface MfaPerson {
  sessionId: string;
  userId: string;
  email: string;
  firstName: string;
  accountType: string;
  mfaVerifiedAt: Date | null;
}
