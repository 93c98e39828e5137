"use client";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { TRAINABLE_GATES } from "@/lib/lessons/exercise-constants";
import type { GateConfig } from "@/lib/lessons/exercises";
import type { GateReason, GateSubmission } from "@/lib/grading/grading";
import { accuracyOn, samplesOf } from "@/lib/nn/perceptron";
import { bothColours, STARTER_POINTS, type LabelledPoint } from "@/lib/nn/custom-points";
import NetOnPointsLink from "./NetOnPointsLink";
import DownloadFigure from "../files/DownloadFigure";
import DownloadRun from "../files/DownloadRun";
import TrainerControls, { runControls } from "./TrainerControls";
import TrainerReadout from "./TrainerReadout";
import TrainerViews from "./TrainerViews";
import { useTrainer, type TrainerSettings } from "./useTrainer";
import { useTrainingNarration } from "./useTrainingNarration";
import type { ExerciseProps } from "../live/exerciseProps";

// the point editor loads only for a student who uses their own points (not in the first load of a live page)
const PointEditor = dynamic(() => import("./PointEditor"));

type GateSettings = TrainerSettings & { gate: GateConfig["gate"] };
/** The run's settings and where it stands (a live session streams this). */
export interface GateProgress { gate: GateConfig["gate"]; lr: number; epochs: number; seed: number; epoch: number; accuracy: number; w: [number, number]; b: number }
/** Settings to start from instead of the config's (e.g. restored after a reload in a live session). */
export type InitialRun = Partial<Pick<TrainerSettings, "lr" | "epochs" | "seed" | "init">> & { gate?: GateConfig["gate"] };
/** A read-only replay: these settings, trained to `epoch`. */
export type GateReplayState = GateSettings & { epoch: number };

/** onSubmit: the verification payload (live mode), instead of being checked locally. */
interface Props extends ExerciseProps<GateConfig, GateProgress, GateSubmission, GateReplayState> {
  initialSeed?: number;
  /** A fixed seed (a class experiment on initial weights): used and not editable. */
  fixedSeed?: number;
  initial?: InitialRun;
  /** Live: the server's grade of the last submission, shown beside the check button. */
  status?: React.ReactNode;
  /** Practice: the student's own points (null: the gate's corners), and how to change them. */
  points?: LabelledPoint[] | null;
  onPoints?(points: LabelledPoint[] | null): void;
}

/**
 * One perceptron learning a logic gate, live in the browser. Practice (no
 * onSubmit): any trainable gate, checked locally with gradeGateRun. Live: the
 * gate is the exercise's.
 */
export default function GateTrainer({ config, locked, onProgress, onSubmit, state, initialSeed = 1, fixedSeed, initial, status, points, onPoints }: Props) {
  const t = useTranslations("trainer");
  const [own, setOwn] = useState<GateSettings>(() => ({ gate: config.gate, lr: config.lr, epochs: config.epochs, seed: initialSeed, ...initial, ...(config.locked ? { lr: config.lr, epochs: config.epochs } : {}), ...(fixedSeed !== undefined ? { seed: fixedSeed } : {}) }));
  // the preset's own points win; in practice, the student's
  const shownPoints = config.customPoints ?? points ?? undefined;
  // trained on only once there are points of both colours (until then, the gate's corners)
  const customPoints = shownPoints && bothColours(shownPoints) ? shownPoints : undefined;
  const settings = { ...(state ?? own), ...(customPoints && { points: customPoints }) };
  const tr = useTrainer(settings, state?.epoch);
  const figure = useRef<HTMLDivElement>(null);
  const { snap } = tr;
  const readOnly = locked || !!state;
  const { pause } = tr;
  useEffect(() => { if (readOnly) pause(); }, [readOnly, pause]);
  const acc = accuracyOn(snap.model, samplesOf(snap.config));
  useTrainingNarration({ run: snap.run, epoch: snap.epoch, accuracy: snap.history.at(-1)?.accuracy ?? 0, playing: tr.playing, done: snap.done });
  const [feedback, setFeedback] = useState<{ reason: GateReason | "sent"; run: number; epoch: number } | null>(null);

  useEffect(() => {
    const { lr, epochs, seed } = snap.config;
    const gate = snap.config.gate as GateConfig["gate"];
    onProgress?.({ gate, lr, epochs, seed, epoch: snap.epoch, accuracy: acc, w: [snap.model.w[0], snap.model.w[1]], b: snap.model.b });
  }, [snap, acc, onProgress]);

  const canCheck = !readOnly && !tr.playing && snap.epoch >= 1 && snap.sample === 0;
  function check() {
    const { init, points: trained, ...run } = settings;
    const payload: GateSubmission = { ...run, epochs: snap.epoch, w: [snap.model.w[0], snap.model.w[1]], b: snap.model.b, ...(trained && { customPoints: trained }) };
    if (onSubmit) {
      onSubmit(payload);
      return setFeedback({ reason: "sent", run: snap.run, epoch: snap.epoch });
    }
    // Practice: whichever gate the student picked is the exercise.
    // the grader (and zod) loads only now, not with the page
    const at = { run: snap.run, epoch: snap.epoch };
    void import("@/lib/grading/grading").then(({ gradeGateRun }) =>
      setFeedback({ reason: gradeGateRun({ ...config, gate: settings.gate, ...(trained && { customPoints: trained }) }, payload, init).reason, ...at }));
  }
  const shown = feedback && feedback.run === snap.run && feedback.epoch === snap.epoch ? feedback.reason : null;

  return (
    <div className="tr-trainer">
      <TrainerControls<GateSettings>
        settings={settings}
        onSettings={(s) => setOwn({ gate: s.gate, lr: s.lr, epochs: s.epochs, seed: s.seed, ...(s.init && { init: s.init }) })}
        gates={onSubmit || state ? undefined : TRAINABLE_GATES}
        {...runControls(tr)}
        locked={readOnly}
        presetLocked={!!config.locked}
        seedLocked={fixedSeed !== undefined}
      />
      {onPoints && !config.customPoints && !state && (
        <label className="row">
          <input type="checkbox" checked={!!points} data-testid="use-points" disabled={locked}
            onChange={(e) => onPoints(e.target.checked ? [...STARTER_POINTS] : null)} />
          {t("points.use")}
        </label>
      )}
      {shownPoints && (
        <PointEditor points={shownPoints} separated={!!customPoints && acc === 1}
          onChange={onPoints && !config.customPoints && !readOnly ? (p) => onPoints(p) : undefined} />
      )}
      {customPoints && !state && <NetOnPointsLink points={customPoints} newTab={!!onSubmit} />}
      <TrainerReadout quiet={tr.playing} epoch={snap.epoch} accuracy={acc} model={snap.model} lastStep={snap.lastStep} />
      <div ref={figure}>
        <TrainerViews snap={snap} gate={settings.gate} customPoints={customPoints} seed={settings.seed} epochs={settings.epochs} />
      </div>
      <DownloadFigure target={figure} name={`run_${settings.gate}_seed${settings.seed}`} label={t("charts")} />
      <DownloadRun settings={settings} history={snap.history} />
      {!state && (
        <div className="tr-check">
          <button type="button" onClick={check} disabled={!canCheck} aria-describedby={canCheck ? undefined : "gate-check-hint"}>
            {t("check.button")}
          </button>
          {!canCheck && !readOnly && <span id="gate-check-hint" className="muted">{t("check.needEpoch")}</span>}
          <p role="status" data-testid="check-feedback" className={shown === "ok" ? "tr-ok" : shown && shown !== "sent" ? "tr-bad" : undefined}>
            {shown && t(`check.${shown}`, { gate: shown === "wrongGate" ? config.gate : settings.gate })}
          </p>
          {status}
        </div>
      )}
    </div>
  );
}
