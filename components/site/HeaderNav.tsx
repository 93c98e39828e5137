"use client";

/**
 * The header's menu. On a phone it is one line that scrolls sideways (app/screens.css); a focused link
 * is scrolled fully into it, clear of its edges (the nav's scroll-padding), because the browser's own
 * focus scroll leaves a link that is already partly shown where it is, cut off (WCAG 2.2 2.4.11).
 * The script-free pages get the CSS half of this (app/lite/html.ts).
 */
export default function HeaderNav({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <nav aria-label={label} onFocus={(e) => e.target.scrollIntoView({ block: "nearest", inline: "nearest" })}>
      {children}
    </nav>
  );
}
