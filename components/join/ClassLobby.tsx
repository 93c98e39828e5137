"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

interface Props {
  code: string;
  className: string;
  /** The live roster (components/join/LiveRoster), shown under the code. */
  children: React.ReactNode;
}

/**
 * The class lobby, made for the projector: the join code huge, the address to type (this server's
 * origin as the browser sees it), a copy button, and a QR code drawn here (qrcode, no network)
 * that opens the join form with the code filled in. "Full screen" shows it alone.
 */
export default function ClassLobby({ code, className, children }: Props) {
  const t = useTranslations("lobby");
  const [origin, setOrigin] = useState<string | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState<"ok" | "failed" | null>(null);
  const [full, setFull] = useState(false);
  const box = useRef<HTMLElement>(null);
  const link = origin ? `${origin}/join?code=${encodeURIComponent(code)}` : null;

  useEffect(() => setOrigin(window.location.origin), []);
  useEffect(() => {
    if (!link) return;
    let live = true;
    import("qrcode").then((QR) => QR.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" })).then((svg) => {
      if (live) setQr(svg);
    });
    return () => { live = false; };
  }, [link]);
  useEffect(() => {
    const sync = () => setFull(document.fullscreenElement === box.current);
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, []);

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2500);
  }
  function toggleFull() {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void box.current?.requestFullscreen?.();
  }

  const host = origin?.replace(/^https?:\/\//, "") ?? "";
  return (
    <section ref={box} className={full ? "card lobby lobby-full" : "card lobby"} aria-labelledby="lobby-title" data-testid="lobby">
      <div className="lobby-head">
        <h2 id="lobby-title">{full ? className : t("title")}</h2>
        <button type="button" className="secondary" onClick={toggleFull}>{full ? t("exitFull") : t("full")}</button>
      </div>
      <div className="lobby-main">
        <div className="lobby-steps">
          {/* Each step names what follows it: a term and its value, so a screen reader says what the code is. */}
          <dl className="lobby-list">
            <dt className="lobby-step">{t("step1")}</dt>
            <dd className="lobby-address" data-testid="join-address">{host ? `${host}/join` : "…"}</dd>
            <dt className="lobby-step">{t("step2")}</dt>
            <dd className="lobby-code-box">
              {/* Shown large; read out letter by letter (a word-like code would be read as a word). */}
              <span className="lobby-code" data-testid="join-code" aria-hidden="true">{code}</span>
              <span className="sr-only">{t("codeSpelled", { code: code.split("").join(" ") })}</span>
            </dd>
          </dl>
          <div className="lobby-actions">
            <button type="button" className="secondary" onClick={copy} disabled={!link} data-testid="copy-link">
              {t("copy")}
            </button>
            <span role="status" className="muted">{copied ? t(copied === "ok" ? "copied" : "copyFailed") : ""}</span>
          </div>
        </div>
        <figure className="lobby-qr">
          {qr ? (
            <div className="lobby-qr-img" role="img" aria-label={t("qrAria", { link: link ?? "" })} data-testid="join-qr"
              dangerouslySetInnerHTML={{ __html: qr }} />
          ) : (
            <div className="lobby-qr-img lobby-qr-wait" aria-hidden />
          )}
          <figcaption className="muted">{t("qrHint")}</figcaption>
        </figure>
      </div>
      <div className="lobby-roster">{children}</div>
    </section>
  );
}
