"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

/** Copies the page's address (which holds the whole run, see lib/practice/practice-params.ts) and shows it. */
export default function ShareRunLink({ refused = [] }: { refused?: readonly string[] }) {
  const t = useTranslations("share");
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    const href = window.location.href;
    try { await navigator.clipboard.writeText(href); } catch { /* no clipboard (insecure origin): the link is shown below */ }
    setCopied(href);
  }
  return (
    <div className="share-run">
      <button type="button" className="secondary" onClick={copy} data-testid="share-run">{t("copy")}</button>
      {copied && (
        <p role="status">
          {t("copied")} <a href={copied} data-testid="share-link" aria-label={t("label")}>{copied}</a>
        </p>
      )}
      {refused.length > 0 && <p className="muted" role="status">{t("refused", { names: refused.join(", ") })}</p>}
    </div>
  );
}
