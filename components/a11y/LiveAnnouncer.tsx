"use client";
import { useAnnouncement } from "./useAnnouncer";

/**
 * The page's single polite live region (issue 22): training moments, the server's grade and the
 * board's news are said here, one at a time (components/a11y/useAnnouncer.ts). Visually hidden.
 */
export default function LiveAnnouncer() {
  const { text, n } = useAnnouncement();
  // A new node per announcement: the same words twice are still read twice.
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text && <span key={n}>{text}</span>}
    </div>
  );
}
