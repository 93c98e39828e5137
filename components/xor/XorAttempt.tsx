"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { XorConfig } from "@/lib/lessons/exercises";
import { XOR_MAX_ACCURACY } from "@/lib/lessons/exercise-constants";
import type { XorSubmission } from "@/lib/grading/grading";
import { accuracy } from "@/lib/nn/perceptron";
import DownloadFigure from "../files/DownloadFigure";
import DownloadRun from "../files/DownloadRun";
import TrainerControls, { runControls } from "../trainer/TrainerControls";
import TrainerReadout from "../trainer/TrainerReadout";
import TrainerViews from "../trainer/TrainerViews";
import { useTrainer, type TrainerSettings } from "../trainer/useTrainer";
import type { XorNetChoice, XorNetLive } from "./XorNetView";
import type { LabelledPoint } from "@/lib/nn/custom-points";
import dynamic from "next/dynamic";

// The two-layer net, shown here on the practice page only (a live session unlocks it as its own panel).
const XorNetView = dynamic(() => import("./XorNetView"));
import XorQuestion, { type XorBest } from "./XorQuestion";
import type { ExerciseProps } from "../live/exerciseProps";

export interface XorProgress { lr: number; epochs: number; seed: number; epoch: number; accuracy: number; w: [number, number]; b: number; bestAccuracy: number | null }
type XorSettings = TrainerSettings & { gate: "XOR" };

/** state: a read-only replay, these settings trained to `epoch`. */
interface Props extends ExerciseProps<XorConfig, XorProgress, XorSubmission, XorSettings & { epoch: number }> {
  initialSeed?: number;
  /** Settings to start from instead of the config's (e.g. restored in a live session). */
  initial?: Partial<Pick<TrainerSettings, "lr" | "epochs" | "seed">>;
  /** Live: the server's grade of the last submission, shown under the question. */
  status?: React.ReactNode;
  /** Live: no two-layer preview here; the instructor unlocks the hidden layer for everyone (XorHiddenLayer). */
  hideNet?: boolean;
  /** Homework: the network's run can be handed in (the server replays it). */
  netSubmit?: XorNetLive;
  /** Practice: the two-layer net shown from the start (a link) and its settings; told of every change (null: hidden). */
  net?: {
    open: boolean; initial?: Partial<XorNetChoice>; onChoice?(c: XorNetChoice | null): void;
    /** The student's own points for the net (a link's), and told when they change. */
    points?: LabelledPoint[]; onPoints?(points: LabelledPoint[] | null): void;
  };
}

/** After this many runs the map shows why no line can work. */
const RUNS_FOR_HINT = 2;

/**
 * One perceptron trying XOR. Keeps the best accuracy over every run (with the
 * settings that replay it), shows why it stays at 75%, asks why, then reveals
 * the two-layer network that does it.
 */
export default function XorAttempt({ config, locked, onProgress, onSubmit, state, initialSeed = 1, initial, status, hideNet, net, netSubmit }: Props) {
  const t = useTranslations("trainer");
  const [own, setSettings] = useState<XorSettings>(() => ({ gate: "XOR", lr: config.lr, epochs: config.epochs, seed: initialSeed, ...initial, ...(config.locked ? { lr: config.lr, epochs: config.epochs } : {}) }));
  const settings = state ?? own;
  const tr = useTrainer(settings, state?.epoch);
  const readOnly = locked || !!state;
  const { pause } = tr;
  useEffect(() => { if (readOnly) pause(); }, [readOnly, pause]);
  const { snap } = tr;
  const acc = accuracy(snap.model, "XOR");
  const [best, setBest] = useState<XorBest | null>(null);
  const [runs, setRuns] = useState(0);
  const seen = useRef({ run: -1, index: 0 });
  const [showNet, setShowNet] = useState(net?.open ?? false);
  const onNetChoice = net?.onChoice;
  useEffect(() => { if (!showNet) onNetChoice?.(null); }, [showNet, onNetChoice]);
  const figure = useRef<HTMLDivElement>(null);

  // Scan the epochs finished since the last frame: count runs, keep the best.
  useEffect(() => {
    const s = seen.current;
    if (s.run !== snap.run) { s.run = snap.run; s.index = 0; }
    if (s.index === 0 && snap.history.length > 0) setRuns((r) => r + 1);
    let found: XorBest | null = null;
    for (let i = s.index; i < snap.history.length; i++) {
      const a = snap.history[i].accuracy;
      if (a > (found?.accuracy ?? best?.accuracy ?? -1)) found = { accuracy: a, lr: snap.config.lr, epochs: i + 1, seed: snap.config.seed };
    }
    s.index = snap.history.length;
    if (found) setBest(found);
  }, [snap, best]);

  useEffect(() => {
    const { lr, epochs, seed } = snap.config;
    onProgress?.({ lr, epochs, seed, epoch: snap.epoch, accuracy: acc, w: [snap.model.w[0], snap.model.w[1]], b: snap.model.b, bestAccuracy: best?.accuracy ?? null });
  }, [snap, acc, best, onProgress]);

  const hint = runs >= RUNS_FOR_HINT;
  return (
    <div className="tr-xor">
      <TrainerControls<XorSettings>
        settings={settings}
        onSettings={setSettings}
        {...runControls(tr)}
        locked={readOnly}
        presetLocked={!!config.locked}
      />
      <TrainerReadout epoch={snap.epoch} accuracy={acc} model={snap.model} lastStep={snap.lastStep} />
      <p className="tr-stats tr-best">
        <span data-testid="best-accuracy">{best ? t("xor.best", { value: best.accuracy }) : t("xor.bestNone")}</span>
        <span className="muted" data-testid="runs">{t("xor.runs", { count: runs })}</span>
      </p>
      {hint && (
        <section className="card" aria-labelledby="xor-hint-title" data-testid="xor-hint">
          <h2 id="xor-hint-title">{t("xor.hintTitle")}</h2>
          <p>{t("xor.hint")}</p>
        </section>
      )}
      <div ref={figure}>
        <TrainerViews snap={snap} gate="XOR" seed={settings.seed} epochs={settings.epochs} crossing={hint}
          ceiling={{ value: XOR_MAX_ACCURACY, label: t("xor.ceiling") }} />
      </div>
      <DownloadFigure target={figure} name={`run_XOR_seed${settings.seed}`} label={t("charts")} />
      <DownloadRun settings={settings} history={snap.history} />
      <XorQuestion config={config} best={best} locked={readOnly} onSubmit={onSubmit} />
      {status && <div className="tr-check tr-xor-status">{status}</div>}
      {!hideNet && <div>
        <button type="button" className="secondary" aria-expanded={showNet} aria-controls="xor-net" onClick={() => setShowNet((v) => !v)}>
          {showNet ? t("net.hide") : t("net.reveal")}
        </button>
      </div>}
      {!hideNet && <div id="xor-net">{showNet && <XorNetView locked={locked} live={netSubmit} initial={net?.initial} onChoice={onNetChoice} initialPoints={net?.points} onPoints={net?.onPoints} classPoints={config.customPoints} />}</div>}
    </div>
  );
}
