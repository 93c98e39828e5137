"use client";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { crossings, panOf, pitchOf, traceSchedule, tracePositions, valueRange, type TraceData, type TraceSchedule } from "@/lib/a11y/audio-trace";
import { encodeWav } from "@/lib/a11y/wav";

const NOTE_S = 0.2;
const RATE = 44100;

/**
 * Schedules a trace into any audio context from `start`: one sine oscillator whose frequency and
 * stereo position step along the notes (silent where there is no value), and a short square tick
 * at each crossing. The same function plays it live and renders it offline (Save as sound).
 */
export function renderTrace(ctx: BaseAudioContext, s: TraceSchedule, volume: number, start = ctx.currentTime): AudioScheduledSourceNode[] {
  const out = ctx.createGain();
  out.gain.value = volume;
  out.connect(ctx.destination);
  const pan = ctx.createStereoPanner();
  pan.connect(out);
  const env = ctx.createGain();
  env.gain.setValueAtTime(0, start);
  env.connect(pan);
  const osc = ctx.createOscillator();
  osc.type = "sine";
  osc.connect(env);
  for (const n of s.notes) {
    const t = start + n.t;
    if (n.freq !== null) osc.frequency.setValueAtTime(n.freq, t);
    pan.pan.setValueAtTime(n.pan, t);
    env.gain.setTargetAtTime(n.freq === null ? 0 : 0.4, t, 0.004);
  }
  env.gain.setTargetAtTime(0, start + s.duration, 0.01);
  osc.start(start);
  osc.stop(start + s.duration + 0.1);
  const nodes: AudioScheduledSourceNode[] = [osc];
  for (const k of s.ticks) {
    const tick = ctx.createOscillator();
    tick.type = "square";
    tick.frequency.value = 2000;
    const g = ctx.createGain();
    g.gain.value = 0.12;
    const p = ctx.createStereoPanner();
    p.pan.value = k.pan;
    tick.connect(g).connect(p).connect(out);
    tick.start(start + k.t);
    tick.stop(start + k.t + 0.015);
    nodes.push(tick);
  }
  return nodes;
}

/** The trace's keyboard slider, Play / Stop, volume and Save as sound; loaded only when Listen is pressed. */
export default function AudioTracePlayer({ title, xs, ys, refs, format }: TraceData) {
  const t = useTranslations("audio");
  const positions = useMemo(() => tracePositions(Math.min(xs.length, ys.length)), [xs, ys]);
  const whole = useMemo(() => traceSchedule(xs, ys, refs), [xs, ys, refs]);
  const [pos, setPos] = useState(0);
  const [volume, setVolume] = useState(0.5);
  const ctx = useRef<AudioContext | null>(null);
  const playing = useRef<AudioScheduledSourceNode[]>([]);
  const slider = useRef<HTMLDivElement>(null);
  const hint = useId();
  useEffect(() => slider.current?.focus(), []);
  useEffect(() => () => { stop(); void ctx.current?.close(); }, []);
  const k = Math.min(pos, positions.length - 1);
  const i = positions[k];

  function stop() {
    for (const n of playing.current) try { n.stop(); } catch { /* already stopped */ }
    playing.current = [];
  }
  function play(s: TraceSchedule) {
    stop();
    ctx.current ??= new AudioContext();
    void ctx.current.resume();
    playing.current = renderTrace(ctx.current, s, volume);
  }
  function playAt(next: number) {
    const j = positions[next];
    const [lo, hi] = valueRange(ys);
    const crossed = next !== k && crossings(ys, [positions[Math.min(k, next)], positions[Math.max(k, next)]], refs).length > 0;
    const pan = panOf(xs[j], xs[positions[0]], xs[positions[positions.length - 1]]);
    const freq = Number.isFinite(ys[j]) ? pitchOf(ys[j], lo, hi) : null;
    setPos(next);
    play({ notes: [{ t: 0, dur: NOTE_S, freq, pan, index: j }], ticks: crossed ? [{ t: 0, pan, index: j }] : [], duration: NOTE_S });
  }
  function onKey(e: React.KeyboardEvent) {
    const last = positions.length - 1;
    const to: Record<string, number> = { ArrowRight: k + 1, ArrowUp: k + 1, ArrowLeft: k - 1, ArrowDown: k - 1, PageUp: k + 10, PageDown: k - 10, Home: 0, End: last };
    if (e.key in to) playAt(Math.max(0, Math.min(last, to[e.key])));
    else if (e.key === " " || e.key === "Enter") play(whole);
    else if (e.key === "Escape") stop();
    else return;
    e.preventDefault();
  }
  async function save() {
    const offline = new OfflineAudioContext(2, Math.ceil(RATE * (whole.duration + 0.2)), RATE);
    renderTrace(offline, whole, volume, 0);
    const buf = await offline.startRendering();
    const wav = encodeWav([buf.getChannelData(0), buf.getChannelData(1)], RATE);
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([wav], { type: "audio/wav" }));
    a.download = `${title.replace(/[^\p{L}\p{N}]+/gu, "-")}-trace.wav`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  const at = t("at", { x: format(xs[i]), y: Number.isFinite(ys[i]) ? format(ys[i]) : "—" });
  return (
    <div className="audio-trace" role="group" aria-label={t("group", { title })}>
      <div ref={slider} role="slider" tabIndex={0} className="audio-slider" data-testid="audio-trace" onKeyDown={onKey}
        aria-label={t("trace", { title })} aria-describedby={hint} aria-valuemin={0} aria-valuemax={positions.length - 1}
        aria-valuenow={k} aria-valuetext={at}>
        {at}
      </div>
      <p id={hint} className="muted audio-hint">{t("hint")}</p>
      <div className="audio-controls">
        <button type="button" onClick={() => play(whole)}>{t("playAll")}</button>
        <button type="button" onClick={stop}>{t("stop")}</button>
        <label>{t("volume")} <input type="range" min={0} max={1} step={0.05} value={volume} onChange={(e) => setVolume(Number(e.target.value))} /></label>
        <button type="button" onClick={() => void save()}>{t("save")}</button>
      </div>
    </div>
  );
}
