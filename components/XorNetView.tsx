"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { gateLabels, GATE_INPUTS } from "@/lib/gates";
import { SEED_MAX } from "@/lib/exercise-constants";
import { GRID_SIZE } from "@/lib/grid";
import { cloneXorNet, startXorNet, stepXorEpoch, XOR_NET_DEFAULTS, xorNetAccuracy, xorNetGrid, type XorNetState } from "@/lib/xor-net";
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

const snapshot = (s: XorNetState) => ({ net: cloneXorNet(s.net), epoch: s.epoch, done: s.done, history: s.history.slice() });

/** The two-layer network that solves XOR, trained live: decision map with both hidden lines, accuracy, 3D output. */
export default function XorNetView({ locked }: { locked?: boolean }) {
  const t = useTranslations("trainer");
  const [seed, setSeed] = useState(1);
  const stateRef = useRef<XorNetState>(startXorNet({ seed, ...XOR_NET_DEFAULTS }));
  const [snap, setSnap] = useState(() => snapshot(stateRef.current));
  const [playing, setPlaying] = useState(true);
  const budget = useRef(0);

  const reset = useCallback((s: number, play: boolean) => {
    stateRef.current = startXorNet({ seed: s, ...XOR_NET_DEFAULTS });
    budget.current = 0;
    setSnap(snapshot(stateRef.current));
    setPlaying(play);
  }, []);
  useEffect(() => { if (locked) setPlaying(false); }, [locked]);

  useRafLoop(playing, (dt) => {
    const s = stateRef.current;
    budget.current += (dt / 1000) * NET_SPEED;
    while (budget.current >= 1 && !s.done) { stepXorEpoch(s); budget.current -= 1; }
    setSnap(snapshot(s));
    if (s.done) { setPlaying(false); return false; }
    return true;
  });

  const values = useMemo(() => xorNetGrid(snap.net), [snap.net]);
  const lines = useMemo(() => snap.net.hidden.map((u) => ({ w: u.w, b: u.b, dashed: true })), [snap.net]);
  const acc = xorNetAccuracy(snap.net);
  const loss = snap.history.at(-1)?.loss;

  const figure = useRef<HTMLElement>(null);
  return (
    <section ref={figure} className="card stack" aria-labelledby="xornet-title">
      <h2 id="xornet-title">{t("net.title")}</h2>
      <p>{t("net.intro")}</p>
      <div className="tr-buttons">
        <TrainerNumberField label={t("controls.seed")} value={seed} min={0} max={SEED_MAX} step={1} integer disabled={locked}
          invalidText={t("controls.seedInvalid")} onChange={(s) => { setSeed(s); reset(s, false); }} />
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
      {snap.done && acc < 1 && <p className="tr-bad">{t("net.stuck")}</p>}
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
