"use client";
import type { FormHTMLAttributes } from "react";
import { useHydrated } from "./useHydrated";

/**
 * A form whose controls stay disabled until React has hydrated it. Without this, a student on slow
 * school Wi-Fi who types and presses Enter before the script has run submits the browser's native
 * GET form (the typed values land in the address bar and nothing is saved).
 */
export default function Form({ children, ...props }: FormHTMLAttributes<HTMLFormElement>) {
  const hydrated = useHydrated();
  return (
    <form {...props} data-hydrated={hydrated || undefined}>
      <fieldset className="form-gate" disabled={!hydrated}>
        {children}
      </fieldset>
    </form>
  );
}
