"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The answer shown on the page a form's submit redirected to ("Invitation sent.", "Access added…").
 * The submit button is gone with the old page, so focus would fall back to the body and the next Tab
 * would start wherever the button used to be; focus moves here instead, so keyboard and
 * screen-reader users start from what happened.
 */
export function FocusOnArrival({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className={className}>
      {children}
    </div>
  );
}
