"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { exerciseConfigSchema, TRAINABLE_GATES, type GateConfig } from "@/lib/lessons/exercises";
import type { BoardState, BoardTile, ProgressState } from "@/lib/live/session-protocol";
import ActivationExplorer from "../explorer/ActivationExplorer";
import { StatusChip } from "./BoardTiles";
import GateTrainer from "../trainer/GateTrainer";
import XorAttempt from "../xor/XorAttempt";

interface Props {
  /** The student shown, or null (closed). */
  tile: BoardTile | null;
  name: string;
  exercise: BoardState["exercise"];
  onClose(): void;
}

const isTrainable = (g: string): g is GateConfig["gate"] => (TRAINABLE_GATES as readonly string[]).includes(g);

/** The student's exercise, drawn by the exercise's own component from the streamed progress: live, read-only. */
function Replay({ exercise, progress }: { exercise: NonNullable<BoardState["exercise"]>; progress: ProgressState }) {
  const parsed = exerciseConfigSchema.safeParse(exercise.config);
  if (!parsed.success) return null;
  const c = parsed.data;
  if (c.type === "GATE" && progress.type === "GATE" && isTrainable(progress.gate)) {
    const { gate, lr, epochs, seed, epoch } = progress;
    return <GateTrainer config={c} state={{ gate, lr, epochs, seed, epoch }} locked />;
  }
  if (c.type === "XOR" && progress.type === "XOR") {
    const { lr, epochs, seed, epoch } = progress;
    return <XorAttempt config={c} state={{ gate: "XOR", lr, epochs, seed, epoch }} locked />;
  }
  if (c.type === "ACTIVATION" && progress.type === "ACTIVATION") {
    const state = { activation: progress.activation, params: { threshold: progress.threshold, alpha: progress.alpha }, image: "portrait" as const, selected: [] };
    return <ActivationExplorer config={c} state={state} locked showLesson={false} />;
  }
  return null;
}

export default function StudentDetail({ tile, name, exercise, onClose }: Props) {
  const t = useTranslations("board.detail");
  const ref = useRef<HTMLDialogElement>(null);
  const open = tile !== null;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    // Escape closes a modal dialog natively (a "close" event follows).
    <dialog ref={ref} className="bd-detail" aria-labelledby="detail-title" onClose={onClose} data-testid="student-detail">
      {tile && (
        <>
          <div className="bd-detail-head">
            <h2 id="detail-title">{t("title", { name })}</h2>
            <StatusChip status={tile.status} />
            <button type="button" className="secondary" onClick={() => ref.current?.close()}>{t("close")}</button>
          </div>
          <p className="muted">{t("live", { name })}</p>
          {tile.result && <p className="bd-big" data-testid="detail-score">{t("score", { score: tile.result.score, max: tile.result.maxScore })}</p>}
          {!exercise ? (
            <p>{t("noExercise")}</p>
          ) : tile.progress ? (
            <Replay exercise={exercise} progress={tile.progress} />
          ) : (
            <p>{t("noProgress", { name })}</p>
          )}
        </>
      )}
    </dialog>
  );
}
