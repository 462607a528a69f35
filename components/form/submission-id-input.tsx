"use client";

import { useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};
const none = () => "";

/**
 * The form's one-time id, so that a double submit makes one record. Made in the browser when the
 * form appears (the page itself is the same prerendered HTML for everyone), kept while it stays;
 * without JavaScript it is empty and the server makes one for that submit (lib/forms/submission-id.ts).
 */
export function SubmissionIdInput({ value }: { value?: string }) {
  const [made] = useState(() => {
    let id: string | null = null;
    return () => (id ??= crypto.randomUUID());
  });
  const id = useSyncExternalStore(subscribe, made, none);
  return <input type="hidden" name="submissionId" value={value ?? id} />;
}
