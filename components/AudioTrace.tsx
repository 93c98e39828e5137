"use client";
import { useState } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import "./audio-trace.css";

/** A curve to hear: its points, the levels where a tick sounds (0, a threshold, 0.5), and how its numbers read. */
export interface TraceData { title: string; xs: ArrayLike<number>; ys: ArrayLike<number>; refs: number[]; format(v: number): string }

// The Web Audio player (and its WAV writer) is fetched when Listen is pressed, never with the page.
const Player = dynamic(() => import("./AudioTracePlayer"), { ssr: false });

/** The "Listen" button under a chart; it opens the audio trace (components/AudioTracePlayer.tsx). Never plays by itself. */
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
