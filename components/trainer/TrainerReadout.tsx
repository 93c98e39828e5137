"use client";
import { useTranslations } from "next-intl";
import type { Perceptron } from "@/lib/nn/perceptron";
import type { LastStep } from "./useTrainer";

interface Props {
  epoch: number; accuracy: number; model: Perceptron; lastStep: LastStep | null;
  /** While playing, the step line is not announced (hundreds a second); useTrainingNarration speaks instead. */
  quiet?: boolean;
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : String(v));

/** Epoch, accuracy, w1, w2, b, and what the last single-sample step did. */
export default function TrainerReadout({ epoch, accuracy, model, lastStep, quiet = false }: Props) {
  const t = useTranslations("trainer.readout");
  const error = lastStep ? lastStep.label - lastStep.pred : 0;
  return (
    <section className="tr-readout" aria-label={t("label")}>
      <ul className="tr-stats">
        <li data-testid="readout-epoch">{t("epoch", { value: epoch })}</li>
        <li data-testid="readout-accuracy">{t("accuracy", { value: accuracy })}</li>
        <li data-testid="readout-w1">{t("w1", { value: fmt(model.w[0]) })}</li>
        <li data-testid="readout-w2">{t("w2", { value: fmt(model.w[1]) })}</li>
        <li data-testid="readout-b">{t("b", { value: fmt(model.b) })}</li>
      </ul>
      <p className="muted" data-testid="readout-step" aria-live={quiet ? "off" : "polite"}>
        {lastStep
          ? `${t("lastStep", { x1: lastStep.x[0], x2: lastStep.x[1], label: lastStep.label, pred: lastStep.pred, error: error > 0 ? "+1" : error < 0 ? "−1" : "0" })} ${t(error === 0 ? "noChange" : "changed")}`
          : t("noStep")}
      </p>
    </section>
  );
}
