"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/** Fills the screen with the page (the browser's full screen); Escape or the button leaves. */
export default function FullScreenButton() {
  const t = useTranslations("board.fullscreen");
  const [on, setOn] = useState(false);
  const [can, setCan] = useState(false);
  useEffect(() => {
    setCan(typeof document !== "undefined" && !!document.documentElement.requestFullscreen);
    const sync = () => setOn(!!document.fullscreenElement);
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, []);
  if (!can) return null;
  return (
    <button type="button" className="secondary" aria-pressed={on} data-testid="fullscreen"
      onClick={() => void (on ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => {})}>
      {on ? t("leave") : t("enter")}
    </button>
  );
}
