"use client";
import { useEffect, useId, useRef, useState } from "react";

interface Props {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  disabled?: boolean;
  className?: string;
}

/**
 * A button whose action must be confirmed in place: the first press asks, "Yes" does it,
 * "Cancel" or Escape goes back. Focus moves to Cancel (the safe choice) and returns afterwards.
 */
export default function ConfirmAction({ label, question, confirmLabel, cancelLabel, onConfirm, disabled, className = "danger secondary" }: Props) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (wasAsking.current) trigger.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={trigger} type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="ctl-confirm" role="group" aria-labelledby={`${id}-q`} onKeyDown={(e) => e.key === "Escape" && setAsking(false)}>
      <p id={`${id}-q`}>{question}</p>
      <button type="button" className="danger" disabled={disabled} onClick={() => { setAsking(false); onConfirm(); }}>
        {confirmLabel}
      </button>
      <button ref={cancel} type="button" className="secondary" onClick={() => setAsking(false)}>
        {cancelLabel}
      </button>
    </div>
  );
}
