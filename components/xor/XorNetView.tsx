"use client";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { bothColours, STARTER_POINTS, type LabelledPoint } from "@/lib/nn/custom-points";
import { gateLabels, GATE_INPUTS } from "@/lib/nn/gates";
import { SEED_MAX } from "@/lib/lessons/exercise-constants";
import { cloneMlp, effectiveLine, HIDDEN_ACTIVATIONS, MLP_INIT_SCALE, mlpScore, startMlp, type HiddenActivation } from "@/lib/nn/mlp";
import { unitStates } from "@/lib/nn/mlp-diagnostics";
import { XOR_NET_DEFAULTS } from "@/lib/xor/xor-net";
import type { XorNetRun } from "@/lib/xor/xor-net-grading";
import type { MapPoint } from "../trainer/DecisionMap";
import TrainerNumberField from "../trainer/TrainerNumberField";
import { useNetTexts } from "./useNetTexts";
import type { UnitPlace } from "@/lib/a11y/chart-text/net";
import NetReadouts from "./NetReadouts";
import { NetAccuracy, NetDrawing, NetGradient, NetMap, NetSurface, NetWeights } from "./NetRunViews";
import { useNetRun } from "./useNetRun";
import XorNetDownloads from "./XorNetDownloads";
import XorNetNotes from "./XorNetNotes";

// the point editor loads only for a student who uses their own points (not in the first load of a live page)
const PointEditor = dynamic(() => import("../trainer/PointEditor"));

const LABELS = gateLabels("XOR");
const POINTS: MapPoint[] = GATE_INPUTS.map(([x1, x2], k) => ({ x1, x2, label: LABELS[k] }));
/** Points of both colours are trained on; until then, the four XOR points. */
const trainable = (p: LabelledPoint[] | null | undefined) => (p && bothColours(p) ? p : undefined);
const WIDTHS = [2, 3, 4, 5, 6, 7, 8];

/** In a live session: the run can be submitted (settings, seed, final weights). */
export interface XorNetLive { submit(run: XorNetRun): void; busy?: boolean; status?: React.ReactNode }

/** The net's own settings: what a practice link carries. */
export interface XorNetChoice { seed: number; activation: HiddenActivation; width: number; layers: number; initScale: number }
const DEFAULT_CHOICE: XorNetChoice = { seed: 1, activation: "sigmoid", width: 2, layers: 1, initScale: MLP_INIT_SCALE.default };

interface Props {
  locked?: boolean;
  live?: XorNetLive;
  /** Where to start (a practice link). */
  initial?: Partial<XorNetChoice>;
  /** Told on every change of the settings (the practice page writes its URL). */
  onChoice?(c: XorNetChoice): void;
  /** An activation experiment: the group's activation, not to be changed. */
  fixedActivation?: HiddenActivation;
  /** Practice: the student's own points to train on (a link's), and told when they change (absent: XOR's four points only). */
  initialPoints?: LabelledPoint[];
  onPoints?(points: LabelledPoint[] | null): void;
  /** The exercise's own points (an XOR preset's, live or homework): trained on, drawn, submitted, not editable. */
  classPoints?: LabelledPoint[];
}

const start = (c: XorNetChoice, points?: LabelledPoint[]) =>
  startMlp({ ...XOR_NET_DEFAULTS, seed: c.seed, activation: c.activation, width: c.width, layers: c.layers, initScale: c.initScale, ...(points && { points }) });

/**
 * The network that solves XOR (or shows why it cannot), trained live: hidden activation, width,
 * one or two hidden layers, initial scale; the decision map with the first layer's lines, the
 * network drawn with its dead or saturated units, accuracy and gradient per layer per epoch.
 */
export default function XorNetView({ locked, live, initial, onChoice, fixedActivation, initialPoints, onPoints, classPoints }: Props) {
  const t = useTranslations("trainer");
  const tx = useTranslations("xorProof.net");
  const [choice, setChoice] = useState<XorNetChoice>(() => ({ ...DEFAULT_CHOICE, ...initial, ...(fixedActivation && { activation: fixedActivation }) }));
  const [points, setPoints] = useState<LabelledPoint[] | null>(classPoints ?? (onPoints ? initialPoints ?? null : null));
  const own = trainable(points);
  // while playing: the readouts on each frame that redraws no view, and each drawing at its own pace, each from the run's stores without a render
  // of this view; snap (this view, the notes and the chart texts) every 2 s; paused, finished or reset, all as it is (useNetRun)
  const { state, snap, views, readout, playing, play, pause, reset: restart } = useNetRun(() => start(choice, own), true);

  const reset = useCallback((c: XorNetChoice, play: boolean, p?: LabelledPoint[]) => restart(start(c, p), play), [restart]);
  const change = useCallback((patch: Partial<XorNetChoice>) => {
    const next = { ...choice, ...patch };
    setChoice(next);
    reset(next, false, own);
  }, [choice, reset, own]);
  const changePoints = useCallback((p: LabelledPoint[] | null) => {
    setPoints(p);
    onPoints?.(trainable(p) ?? null);
    reset(choice, false, trainable(p));
  }, [choice, reset, onPoints]);
  useEffect(() => { if (locked) pause(); }, [locked, pause]);
  useEffect(() => { onChoice?.(choice); }, [choice, onChoice]);
  useEffect(() => {
    if (fixedActivation && fixedActivation !== state.config.activation) change({ activation: fixedActivation });
  }, [fixedActivation, change, state]);

  const { activation } = choice;
  const line = useMemo(() => (activation === "linear" ? effectiveLine(snap.net) : null), [snap.net, activation]);
  const states = useMemo(() => unitStates(snap.net, activation, own), [snap.net, activation, own]);
  const mapPoints = useMemo<MapPoint[]>(() => (own ? own.map((p) => ({ x1: p.x / 100, x2: p.y / 100, label: p.label })) : POINTS), [own]);
  const dead = states.flat().filter((s) => s === "dead").length;
  const saturated = states.flat().filter((s) => s === "saturated").length;
  const units = choice.width * choice.layers;
  const acc = mlpScore(snap.net, activation, own).accuracy;
  const layerNames = useMemo(() => [t("net.layer.h1"), ...(choice.layers === 2 ? [t("net.layer.h2")] : []), t("net.layer.out")], [t, choice.layers]);
  // the texts describe snap (the run as of the last second while playing, as it is when paused)
  const drawing = useMemo(() => ({ states, unitName: (p: UnitPlace) => t(p.layer === 0 ? "net.unitName" : "net.unitName2", { unit: p.unit + 1 }) }), [states, t]);
  const texts = useNetTexts(snap.net, activation, own, snap.history, XOR_NET_DEFAULTS.epochs, layerNames,
    { map: t("net.mapTitle"), accuracy: t("accuracy.title"), gradient: t("net.gradientTitle"), points: t("points.title") }, drawing);
  const plain = choice.width === 2 && choice.layers === 1 && choice.initScale === MLP_INIT_SCALE.default;

  // the settings change only when chosen: kept out of the per-frame render while playing
  const settings = useMemo(() => (
    <>
      <div className="tr-buttons">
        <TrainerNumberField label={t("controls.seed")} value={choice.seed} min={0} max={SEED_MAX} step={1} integer disabled={locked}
          invalidText={t("controls.seedInvalid")} onChange={(seed) => change({ seed })} />
        <label className="tr-field">
          <span>{tx("activation")}</span>
          <select value={activation} disabled={locked || !!fixedActivation} data-testid="net-activation" aria-describedby={fixedActivation ? "xornet-fixed" : undefined}
            onChange={(e) => change({ activation: e.target.value as HiddenActivation })}>
            {HIDDEN_ACTIVATIONS.map((a) => <option key={a} value={a}>{t(`net.activations.${a}`)}</option>)}
          </select>
        </label>
        {fixedActivation && <span id="xornet-fixed" className="muted">{tx("fixedActivation")}</span>}
        <label className="tr-field">
          <span>{t("net.width")}</span>
          <select value={choice.width} disabled={locked} data-testid="net-width" onChange={(e) => change({ width: Number(e.target.value) })}>
            {WIDTHS.map((w) => <option key={w} value={w}>{w}</option>)}
          </select>
        </label>
        <label className="tr-field">
          <span>{t("net.layers")}</span>
          <select value={choice.layers} disabled={locked} data-testid="net-layers" onChange={(e) => change({ layers: Number(e.target.value) })}>
            <option value={1}>{t("net.layerCount", { count: 1 })}</option>
            <option value={2}>{t("net.layerCount", { count: 2 })}</option>
          </select>
        </label>
        <TrainerNumberField label={t("net.initScale")} value={choice.initScale} min={MLP_INIT_SCALE.min} max={MLP_INIT_SCALE.max} step="any" disabled={locked}
          invalidText={t("net.initScaleInvalid", { min: MLP_INIT_SCALE.min, max: MLP_INIT_SCALE.max })} testId="net-init-scale" onChange={(initScale) => change({ initScale })} />
      </div>
      {onPoints && !live && (
        <label className="row">
          <input type="checkbox" checked={!!points} data-testid="net-use-points" disabled={locked}
            onChange={(e) => changePoints(e.target.checked ? [...STARTER_POINTS] : null)} />
          {t("net.pointsUse")}
        </label>
      )}
    </>
  ), [choice, activation, locked, fixedActivation, change, onPoints, live, points, changePoints, t, tx]);
  const figure = useRef<HTMLElement>(null);
  return (
    <section ref={figure} className="card stack" aria-labelledby="xornet-title">
      <h2 id="xornet-title">{t("net.title")}</h2>
      <p>{t("net.intro")}</p>
      {settings}
      {points && <PointEditor points={points} by="network" separated={!!own && acc === 1} onChange={locked || classPoints ? undefined : changePoints} />}
      <div className="tr-buttons">
        {playing ? (
          <button type="button" onClick={pause} disabled={locked}>{t("controls.pause")}</button>
        ) : (
          <button type="button" onClick={play} disabled={locked || snap.done}>{t("controls.play")}</button>
        )}
        <button type="button" className="secondary" onClick={() => reset(choice, false, own)} disabled={locked}>{t("controls.reset")}</button>
      </div>
      <NetReadouts readout={readout} />
      <NetWeights views={views} />
      <XorNetNotes activation={activation} epoch={snap.epoch} done={snap.done} accuracy={acc} diverged={snap.diverged} line={line} points={own}
        dead={dead} saturated={saturated} units={units} locked={locked} onLeaky={fixedActivation ? null : () => change({ activation: "leakyRelu" })} />
      {snap.done && !snap.diverged && acc < 1 && activation !== "linear" && activation !== "step" && <p className="tr-bad">{t("net.stuck")}</p>}
      {live && (
        <div className="tr-buttons">
          <button type="button" data-testid="net-submit" disabled={locked || playing || live.busy || snap.epoch < 1}
            onClick={() => live.submit({
              activation, lr: XOR_NET_DEFAULTS.lr, epochs: snap.epoch, seed: choice.seed,
              ...(!plain && { width: choice.width, layers: choice.layers, initScale: choice.initScale }), ...(own && { points: own }), final: cloneMlp(snap.net),
            })}>
            {tx("submit")}
          </button>
          <span className="muted">{snap.epoch < 1 ? tx("needEpoch") : tx("submitHint")}</span>
          {live.status}
        </div>
      )}
      <div className="tr-views tr-live-views">
        <NetMap views={views} activation={activation} own={own} points={mapPoints} text={texts.map} />
        <NetDrawing views={views} activation={activation} own={own} units={units} text={texts.diagram} />
        <NetAccuracy views={views} activation={activation} own={own} text={texts.accuracy} />
        <NetGradient views={views} layers={layerNames} text={texts.gradient} />
        <NetSurface views={views} own={own} />
      </div>
      <XorNetDownloads target={figure} config={state.config} epoch={snap.epoch} now={() => state.epoch} runFiles={plain && !own} />
    </section>
  );
}
