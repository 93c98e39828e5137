"use client";
import { useTranslations } from "next-intl";
import { linearlySeparable, type LabelledPoint } from "@/lib/nn/custom-points";
import type { HiddenActivation, Line } from "@/lib/nn/mlp";

/** Weights as read on screen: three decimals, a minus sign, the same in every language. */
export const fmtWeight = (v: number) => (Math.abs(v) < 5e-4 ? 0 : v).toFixed(3).replace("-", "−");

interface Props {
  activation: HiddenActivation;
  /** The run so far: epochs done, finished, accuracy now. */
  epoch: number;
  done: boolean;
  accuracy: number;
  diverged: boolean;
  /** Linear units: the whole network's one line. */
  line: Line | null;
  /** Trained on the student's own points (absent: XOR's four). */
  points?: LabelledPoint[];
  dead: number;
  saturated: number;
  units: number;
  locked?: boolean;
  /** Offered when ReLU units die: switch the hidden units to leaky ReLU (null: not offered, e.g. an experiment's fixed activation). */
  onLeaky: (() => void) | null;
}

/** Why this activation's run goes as it does, stated from the run's own numbers as it trains. */
export default function XorNetNotes({ activation, epoch, done, accuracy, diverged, line, points, dead, saturated, units, locked, onLeaky }: Props) {
  const t = useTranslations("trainer.net.why");
  return (
    <div className="stack" data-testid="net-notes">
      {diverged && <p className="tr-bad" data-testid="net-diverged">{t("diverged", { epoch })}</p>}
      {activation === "linear" && line && (
        <p data-testid="net-note-linear">
          {points
            ? t("linearPoints", { w1: fmtWeight(line.w[0]), w2: fmtWeight(line.w[1]), b: fmtWeight(line.b), separable: String(linearlySeparable(points)) })
            : t("linear", { w1: fmtWeight(line.w[0]), w2: fmtWeight(line.w[1]), b: fmtWeight(line.b) })}
        </p>
      )}
      {activation === "step" && <p data-testid="net-note-step">{t("step")}</p>}
      {activation === "step" && done && accuracy === 1 && <p className="tr-good" data-testid="net-note-step-lucky">{t("stepLucky")}</p>}
      {(activation === "sigmoid" || activation === "tanh") && (
        <p data-testid="net-note-saturated" className={saturated > 0 ? "tr-bad" : undefined}>{t("saturated", { count: saturated, units })}</p>
      )}
      {activation === "relu" && (
        <p data-testid="net-note-dead" className={dead > 0 ? "tr-bad" : undefined}>
          {t("dead", { count: dead, units })}
          {dead > 0 && onLeaky && <> <button type="button" className="secondary" disabled={locked} data-testid="net-try-leaky" onClick={onLeaky}>{t("tryLeaky")}</button></>}
        </p>
      )}
      {activation === "leakyRelu" && <p data-testid="net-note-leaky">{t("leaky")}</p>}
    </div>
  );
}
