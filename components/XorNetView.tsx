"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { gateLabels, GATE_INPUTS } from "@/lib/gates";
import { SEED_MAX } from "@/lib/exercise-constants";
import { GRID_SIZE } from "@/lib/grid";
import { cloneXorNet, HIDDEN_ACTIVATIONS, startXorNet, stepXorEpoch, XOR_NET_DEFAULTS, xorNetAccuracy, xorNetGrid, type HiddenActivation, type XorNetState } from "@/lib/xor-net";
import type { XorNetRun } from "@/lib/xor-net-grading";
import AccuracyChart from "./AccuracyChart";
import DecisionMap, { type MapPoint } from "./DecisionMap";
import OutputSurface from "./OutputSurface";
import TrainerNumberField from "./TrainerNumberField";
import { useRafLoop } from "./useTrainer";
import XorNetDownloads from "./XorNetDownloads";

/** Epochs of the 2-2-1 net trained per second while playing. */
const NET_SPEED = 750;
const LABELS = gateLabels("XOR");
const POINTS: MapPoint[] = GATE_INPUTS.map(([x1, x2], k) => ({ x1, x2, label: LABELS[k] }));

/** Weights as read on screen: three decimals, a minus sign, the same in every language. */
const fmt = (v: number) => (Math.abs(v) < 5e-4 ? 0 : v).toFixed(3).replace("-", "−");

const snapshot = (s: XorNetState) => ({ net: cloneXorNet(s.net), epoch: s.epoch, done: s.done, history: s.history.slice() });

/** In a live session: the hidden activation can be chosen and the run submitted (settings, seed, final weights). */
export interface XorNetLive { submit(run: XorNetRun): void; busy?: boolean; status?: React.ReactNode }

/** The net's own settings: what a practice link carries. */
export interface XorNetChoice { seed: number; activation: HiddenActivation }

interface Props {
  locked?: boolean;
  live?: XorNetLive;
  /** Where to start (a practice link). */
  initial?: Partial<XorNetChoice>;
  /** Told on every change of seed or activation (the practice page writes its URL). */
  onChoice?(c: XorNetChoice): void;
  /** An activation experiment: the group's activation, not to be changed. */
  fixedActivation?: HiddenActivation;
}

/** The two-layer network that solves XOR, trained live: decision map with both hidden lines, accuracy, 3D output. */
export default function XorNetView({ locked, live, initial, onChoice, fixedActivation }: Props) {
  const t = useTranslations("trainer");
  const tx = useTranslations("xorProof.net");
  const [seed, setSeed] = useState(initial?.seed ?? 1);
  const [activation, setActivation] = useState<HiddenActivation>(fixedActivation ?? initial?.activation ?? "sigmoid");
  const stateRef = useRef<XorNetState>(startXorNet({ seed, ...XOR_NET_DEFAULTS, activation }));
  const [snap, setSnap] = useState(() => snapshot(stateRef.current));
  const [playing, setPlaying] = useState(true);
  const budget = useRef(0);

  const reset = useCallback((s: number, play: boolean, a: HiddenActivation = stateRef.current.config.activation ?? "sigmoid") => {
    stateRef.current = startXorNet({ seed: s, ...XOR_NET_DEFAULTS, activation: a });
    budget.current = 0;
    setSnap(snapshot(stateRef.current));
    setPlaying(play);
  }, []);
  useEffect(() => { if (locked) setPlaying(false); }, [locked]);
  useEffect(() => { onChoice?.({ seed, activation }); }, [seed, activation, onChoice]);
  useEffect(() => {
    if (!fixedActivation || fixedActivation === stateRef.current.config.activation) return;
    setActivation(fixedActivation);
    reset(stateRef.current.config.seed, false, fixedActivation);
  }, [fixedActivation, reset]);

  useRafLoop(playing, (dt) => {
    const s = stateRef.current;
    budget.current += (dt / 1000) * NET_SPEED;
    while (budget.current >= 1 && !s.done) { stepXorEpoch(s); budget.current -= 1; }
    setSnap(snapshot(s));
    if (s.done) { setPlaying(false); return false; }
    return true;
  });

  const values = useMemo(() => xorNetGrid(snap.net, GRID_SIZE, activation), [snap.net, activation]);
  const lines = useMemo(() => snap.net.hidden.map((u) => ({ w: u.w, b: u.b, dashed: true })), [snap.net]);
  const acc = xorNetAccuracy(snap.net, activation);
  const loss = snap.history.at(-1)?.loss;

  const figure = useRef<HTMLElement>(null);
  return (
    <section ref={figure} className="card stack" aria-labelledby="xornet-title">
      <h2 id="xornet-title">{t("net.title")}</h2>
      <p>{t("net.intro")}</p>
      <div className="tr-buttons">
        <TrainerNumberField label={t("controls.seed")} value={seed} min={0} max={SEED_MAX} step={1} integer disabled={locked}
          invalidText={t("controls.seedInvalid")} onChange={(s) => { setSeed(s); reset(s, false); }} />
        <label className="tr-field">
          <span>{tx("activation")}</span>
          <select value={activation} disabled={locked || !!fixedActivation} data-testid="net-activation" aria-describedby={fixedActivation ? "xornet-fixed" : undefined}
            onChange={(e) => { const a = e.target.value as HiddenActivation; setActivation(a); reset(seed, false, a); }}>
            {HIDDEN_ACTIVATIONS.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        {fixedActivation && <span id="xornet-fixed" className="muted">{tx("fixedActivation")}</span>}
        {playing ? (
          <button type="button" onClick={() => setPlaying(false)} disabled={locked}>{t("controls.pause")}</button>
        ) : (
          <button type="button" onClick={() => setPlaying(true)} disabled={locked || snap.done}>{t("controls.play")}</button>
        )}
        <button type="button" className="secondary" onClick={() => reset(seed, false)} disabled={locked}>{t("controls.reset")}</button>
      </div>
      <ul className="tr-stats" aria-live="off">
        <li>{t("readout.epoch", { value: snap.epoch })}</li>
        <li data-testid="net-accuracy">{t("net.accuracy", { value: acc })}</li>
        {loss !== undefined && <li>{t("net.loss", { value: loss.toFixed(4) })}</li>}
      </ul>
      <p className="tr-stats muted tr-net-weights" data-testid="net-weights">
        {([["h1", snap.net.hidden[0]], ["h2", snap.net.hidden[1]], ["out", snap.net.out]] as const).map(([k, u]) => (
          <span key={k}>{t(`net.unit.${k}`)}: w₁ {fmt(u.w[0])}, w₂ {fmt(u.w[1])}, b {fmt(u.b)}</span>
        ))}
      </p>
      {snap.done && acc < 1 && <p className="tr-bad">{t("net.stuck")}</p>}
      {live && (
        <div className="tr-buttons">
          <button type="button" data-testid="net-submit" disabled={locked || playing || live.busy || snap.epoch < 1}
            onClick={() => live.submit({ activation, lr: XOR_NET_DEFAULTS.lr, epochs: snap.epoch, seed, final: cloneXorNet(snap.net) })}>
            {tx("submit")}
          </button>
          <span className="muted">{snap.epoch < 1 ? tx("needEpoch") : tx("submitHint")}</span>
          {live.status}
        </div>
      )}
      <div className="tr-views">
        <DecisionMap values={values} n={GRID_SIZE} lines={lines} points={POINTS} title={t("net.mapTitle")}
          ariaLabel={t("net.mapAria", { correct: Math.round(acc * 4) })}
          legend={{ class0: t("map.class0"), class1: t("map.class1"), line: t("net.hiddenLine") }} />
        <AccuracyChart data={snap.history} total={XOR_NET_DEFAULTS.epochs} title={t("accuracy.title")} xLabel={t("accuracy.x")}
          yLabel={t("accuracy.y")} ariaLabel={t("accuracy.aria", { epochs: snap.history.length, value: snap.history.at(-1)?.accuracy ?? acc })} />
        <OutputSurface values={values} n={GRID_SIZE} title={t("surface.title")} ariaLabel={t("net.surfaceAria")} rotateLabel={t("surface.rotate")} zLabel={t("surface.z")} />
      </div>
      <XorNetDownloads target={figure} config={stateRef.current.config} epoch={snap.epoch} />
    </section>
  );
}
