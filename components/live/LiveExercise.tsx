"use client";
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { exerciseConfig } from "@/lib/lessons/exercise-config";
import type { ExerciseReport } from "@/lib/live/live-progress";
import type { ExerciseView, ProgressState } from "@/lib/live/session-protocol";
import dynamic from "next/dynamic";
import type { ActivationProgress } from "../explorer/ActivationExplorer";
import type { GateProgress } from "../trainer/GateTrainer";
import TrainerLesson from "../trainer/TrainerLesson";
import LessonArc from "../lessons/LessonArc";
import type { XorProgress } from "../xor/XorAttempt";
import { useExerciseName } from "./useExerciseName";
import AttemptPolicyNote from "../lessons/AttemptPolicyNote";
import PracticeLinkNote from "../lessons/PracticeLinkNote";

// Each exercise's code (charts, d3, training) loads only when that exercise is pushed.
const Loading = () => <p className="muted" role="status">…</p>;
const ActivationExplorer = dynamic(() => import("../explorer/ActivationExplorer"), { loading: Loading });
const GateTrainer = dynamic(() => import("../trainer/GateTrainer"), { loading: Loading });
const XorAttempt = dynamic(() => import("../xor/LiveXor").then((m) => m.XorAttempt), { loading: Loading });

interface Props {
  exercise: ExerciseView;
  locked: boolean;
  /** The student's own last progress on this exercise (restores the run's settings). */
  progress: ProgressState | null;
  onReport(r: ExerciseReport): void;
  onSubmit(exerciseId: string, payload: unknown): void;
  /** The server's answer to the last submission, shown next to the form that sent it. */
  status?: React.ReactNode;
  /** A class experiment on initial weights: the group's seed. */
  fixedSeed?: number;
}

/** The pushed exercise, by itself, with the instructor's preset (parsed with lib/lessons/exercises where it was saved). */
export default function LiveExercise({ exercise, locked, progress, onReport, onSubmit, status, fixedSeed }: Props) {
  const t = useTranslations("live.exercise");
  const nameOf = useExerciseName();
  const { id } = exercise;
  const submit = useCallback((payload: unknown) => onSubmit(id, payload), [id, onSubmit]);
  const gate = useCallback((p: GateProgress) => onReport({ type: "GATE", ...p }), [onReport]);
  const xor = useCallback((p: XorProgress) => onReport({ type: "XOR", ...p }), [onReport]);
  // a preset's formula streams by its key (custom1..): the board names it by the preset's label
  const act = useCallback((p: ActivationProgress) => onReport({ type: "ACTIVATION", activation: p.activation, params: p.params }), [onReport]);

  const config = exerciseConfig(exercise.config);
  if (!config || config.type !== exercise.type) return <p className="error">{t("badConfig")}</p>;
  const initial = progress && progress.type !== "ACTIVATION" ? { lr: progress.lr, epochs: progress.epochs, seed: progress.seed } : undefined;
  const name = nameOf(exercise);

  return (
    <section className="live-exercise stack" aria-labelledby="live-exercise-title">
      <h2 id="live-exercise-title">
        {t("heading", { position: exercise.position + 1, name })} <span className="muted">· {t("points", { points: exercise.points })}</span>
      </h2>
      <AttemptPolicyNote config={config} />
      <PracticeLinkNote href={config.practiceLink} />
      <LessonArc at={config.type} />
      {config.type === "ACTIVATION" && (
        <ActivationExplorer config={config} locked={locked} onProgress={act} onSubmit={submit} showLesson={false} />
      )}
      {config.type === "GATE" && (
        <>
          <TrainerLesson part="gate" />
          <GateTrainer config={config} locked={locked} onProgress={gate} onSubmit={submit} initial={initial} initialSeed={progress?.type === "GATE" ? progress.seed : 1} fixedSeed={fixedSeed} status={status} />
        </>
      )}
      {config.type === "XOR" && (
        <>
          <TrainerLesson part="xor" />
          <XorAttempt config={config} locked={locked} onProgress={xor} onSubmit={submit} initial={initial} status={status} hideNet />
        </>
      )}
    </section>
  );
}
