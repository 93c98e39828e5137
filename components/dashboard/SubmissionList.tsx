"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { SubmissionItem } from "@/lib/dashboard/submission-item";
import SubmissionRunDownload from "./SubmissionRunDownload";
import TrainingCurve from "./TrainingCurve";

interface Props {
  /** Newest first. */
  items: SubmissionItem[];
  /** Exercise ids in the order to show them (the dashboard's columns). */
  order: string[];
}

const REASONS = ["ok", "invalid", "wrongGate", "mismatch", "notLearned", "impossible", "wrongExplanation", "wrongQuestion", "wrongSelection"] as const;
type Reason = (typeof REASONS)[number];
const isReason = (r: string | null): r is Reason => !!r && (REASONS as readonly string[]).includes(r);

/** The section of a student's page with their submissions (SubmissionList) under `title`. */
export function SubmissionsSection({ title, ...list }: Props & { title: string }) {
  return (
    <section aria-labelledby="subs-title">
      <h2 id="subs-title">{title}</h2>
      <SubmissionList {...list} />
    </section>
  );
}

/** A student's submissions grouped by exercise, each with its replayed training curve or its answer. */
export default function SubmissionList({ items, order }: Props) {
  const t = useTranslations("progress");
  const td = useTranslations("dashboard");
  const tn = useTranslations("explorer.names");
  const fmt = useFormatter();
  const groups = new Map<string, SubmissionItem[]>();
  for (const id of order) groups.set(id, []);
  for (const s of items) {
    if (!groups.has(s.exerciseId)) groups.set(s.exerciseId, []);
    groups.get(s.exerciseId)!.push(s);
  }
  const shown = [...groups].filter(([, list]) => list.length > 0);
  if (shown.length === 0) return <p className="muted">{t("noSubmissions")}</p>;

  function answer(s: SubmissionItem) {
    const p = (s.payload ?? {}) as { explanation?: string; selected?: unknown };
    if (s.type === "XOR" && typeof p.explanation === "string") {
      const known = ["lrTooSmall", "tooFewEpochs", "notSeparable", "badSeed", "notDifferentiable"].includes(p.explanation);
      return <p>{t("explanation", { choice: known ? td(`xor.choices.${p.explanation as "badSeed"}`) : p.explanation })}</p>;
    }
    if (s.type === "ACTIVATION") {
      const sel = Array.isArray(p.selected) ? (p.selected as string[]) : [];
      const names = sel.map((id) => (tn.has(id as "step") ? tn(id as "step") : id));
      return <p>{names.length ? t("answer", { list: names.join(", ") }) : t("answerNone")}</p>;
    }
    return null;
  }

  return (
    <div className="stack" data-testid="submission-list">
      {shown.map(([exerciseId, list]) => {
        const first = list[0];
        const label = td("exerciseLong", { lesson: first.lessonTitle, position: first.position + 1, type: td(`types.${first.type}`) });
        return (
          <section key={exerciseId} id={`ex-${exerciseId}`} className="card dash-submissions" aria-label={label}>
            <h3>{label}</h3>
            <ol className="dash-sublist">
              {list.map((s) => (
                <li key={s.id} data-testid="submission">
                  <p className="dash-subhead">
                    <strong>{t("submissionHead", { date: fmt.dateTime(new Date(s.createdAt), { dateStyle: "medium", timeStyle: "short" }), exercise: td(`types.${s.type}`), mode: t(`mode.${s.mode}`) })}</strong>
                    {" — "}
                    <span className={s.correct ? "tr-ok" : "tr-bad"}>{s.correct ? t("correct") : t("notCorrect")}</span>
                    {", "}
                    {t("score", { score: s.score, max: s.maxScore })}
                    {s.late && <span className="dash-late"> · {td("late")}</span>}
                  </p>
                  {!s.correct && isReason(s.reason) && <p className="muted">{t("reason", { reason: t(`reasons.${s.reason}`) })}</p>}
                  {answer(s)}
                  {(s.type === "GATE" || s.type === "XOR") && <TrainingCurve type={s.type} payload={s.payload} testId="replay-curve" />}
                  <SubmissionRunDownload type={s.type} payload={s.payload} />
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
