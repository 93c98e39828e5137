"use client";
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import XorLinesOverlay, { type OverlayLine } from "./XorLinesOverlay";
import type { XorProof } from "./useXorProof";
import { linearlySeparable, type LabelledPoint } from "@/lib/nn/custom-points";

/**
 * The XOR proof on the board: the class result of the single perceptrons (from graded, replayed
 * submissions) with every student's best line, the instructor's unlock of the hidden layer, then
 * the class's hidden-unit lines and how many solved XOR. `proof`: useXorProof on the board's socket. `projector`: no control.
 * `points`: the exercise's own points (its preset's): the networks train on them, so the hidden lines are drawn over them,
 * with whether one straight line can separate them.
 */
export default function XorProofPanel({ proof, projector = false, points }: { proof: XorProof; projector?: boolean; points?: readonly LabelledPoint[] }) {
  const t = useTranslations("xorProof");
  const { view, error, unlock } = proof;
  const [busy, setBusy] = useState(false);
  const [unlockError, setUnlockError] = useState<ErrorCode | null>(null);
  const separable = useMemo(() => (points ? linearlySeparable(points) : null), [points]);
  const best = useMemo<OverlayLine[]>(() => (view?.perceptron.lines ?? []).map((l) => ({ id: l.userId, w: l.w, b: l.b, highlight: false })), [view?.perceptron]);
  const hidden = useMemo<OverlayLine[]>(() => (view?.net.runs ?? []).flatMap((r) => r.hidden.map((u, k) => ({ id: `${r.userId}:${k}`, w: [u.w[0], u.w[1]] as const, b: u.b, highlight: r.solved }))), [view?.net]);
  if (!view) return error ? <FieldError code={error} /> : null;
  const p = view.perceptron;
  const n = view.net;

  return (
    <section className="card stack bd-xor-proof" aria-labelledby="xor-proof-title" data-testid="xor-proof">
      <h3 id="xor-proof-title">{t("title")}</h3>
      <p className="bd-xor-result" data-testid="xor-class-result" aria-live="polite">
        <strong>{p.attempted ? t("result", { reached: p.reached, attempted: p.attempted, best: p.best }) : t("none")}</strong>
      </p>
      {p.attempted > 0 && <p className="muted">{t("why")}</p>}
      {points && (
        <p data-testid="xor-class-points">
          <strong>{t("classPoints.title", { count: points.length })}</strong>{" "}
          <span data-separable={String(separable)}>{t(separable ? "classPoints.separable" : "classPoints.notSeparable")}</span>
        </p>
      )}
      <div className="bd-views">
        <XorLinesOverlay kind="best" lines={best} testId="xor-best-lines" title={t("linesTitle")} ariaLabel={t("linesAria", { count: best.length })} legend={{ line: t("line") }} />
        {view.unlocked && (
          <XorLinesOverlay kind="hidden" lines={hidden} testId="xor-hidden-lines" title={t(points ? "classPoints.hiddenTitle" : "hiddenTitle")} points={points}
            ariaLabel={t(points ? "classPoints.hiddenAria" : "hiddenAria", { count: n.submitted, solved: n.solved, points: points?.length ?? 4 })}
            legend={{ line: t("line"), highlight: t(points ? "classPoints.solvedLine" : "solvedLine") }} />
        )}
      </div>
      {view.unlocked ? (
        <p data-testid="xor-net-count" aria-live="polite">
          <span className="bd-tag">{t("unlocked")}</span>{" "}
          {n.submitted ? t(points ? "classPoints.solved" : "solved", { solved: n.solved, submitted: n.submitted }) : t("noRuns")}
        </p>
      ) : !projector && (
        <div className="ctl-row">
          <button type="button" data-testid="xor-unlock" disabled={busy} onClick={async () => {
            setBusy(true);
            setUnlockError(await unlock());
            setBusy(false);
          }}>{t("unlock")}</button>
          <span className="muted">{t("unlockHint")}</span>
          <FieldError code={unlockError} />
        </div>
      )}
    </section>
  );
}
