"use client";
import { useEffect, useRef, type FormHTMLAttributes } from "react";
import { useHydrated } from "./useHydrated";

/**
 * A form whose controls stay disabled until React has hydrated it. Without this, a student on slow
 * school Wi-Fi who types and presses Enter before the script has run submits the browser's native
 * GET form (the typed values land in the address bar and nothing is saved). A field marked
 * `autoFocus` cannot take the focus while disabled, so it gets it once the form is enabled (unless
 * the person has already put the focus somewhere).
 */
export default function Form({ children, ...props }: FormHTMLAttributes<HTMLFormElement>) {
  const hydrated = useHydrated();
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!hydrated) return;
    const field = ref.current?.querySelector<HTMLElement>("[autofocus]");
    const active = document.activeElement;
    if (field && (!active || active === document.body)) field.focus();
  }, [hydrated]);
  return (
    <form {...props} ref={ref} data-hydrated={hydrated || undefined}>
      <fieldset className="form-gate" disabled={!hydrated}>
        {children}
      </fieldset>
    </form>
  );
}
