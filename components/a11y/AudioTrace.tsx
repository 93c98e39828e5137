"use client";
import { useState } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { TraceData } from "@/lib/a11y/audio-trace";
import "./audio-trace.css";


// The Web Audio player (and its WAV writer) is fetched when Listen is pressed, never with the page.
const Player = dynamic(() => import("./AudioTracePlayer"), { ssr: false });

/** The "Listen" button under a chart; it opens the audio trace (components/a11y/AudioTracePlayer.tsx). Never plays by itself. */
export default function AudioTrace(props: TraceData) {
  const t = useTranslations("audio");
  const [open, setOpen] = useState(false);
  return (
    <div className="audio-trace-wrap">
      <button type="button" className="audio-listen" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t("close") : t("listen")}
      </button>
      {open && <Player {...props} />}
    </div>
  );
}
