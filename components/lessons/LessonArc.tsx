import { useTranslations } from "next-intl";
import { LESSON_ARC, type ArcExercise } from "@/lib/lessons/lesson-arc";

/**
 * The lesson's argument (lib/lessons/lesson-arc.ts), folded under a summary: every chapter in order, those of
 * the exercise at hand open and marked, so a student sees where this step sits in the whole.
 */
export default function LessonArc({ at }: { at: ArcExercise }) {
  const t = useTranslations("arc");
  return (
    <details className="card tr-lesson lesson-arc" data-testid="lesson-arc">
      <summary>{t("heading")}</summary>
      <ol className="stack">
        {LESSON_ARC.map((c) => {
          const here = c.exercise === at;
          return (
            <li key={c.chapter} data-testid={`arc-${c.chapter}`} aria-current={here ? "step" : undefined}>
              <details open={here}>
                <summary>
                  <strong>{t(`${c.chapter}.title`)}</strong>
                  {here && <span className="muted"> · {t("youAreHere")}</span>}
                </summary>
                {c.parts.map((p) => (
                  <section key={p}>
                    <h3>{t(`${c.chapter}.${p}Title` as "explorer.kindsTitle")}</h3>
                    <p>{t(`${c.chapter}.${p}` as "explorer.kinds")}</p>
                  </section>
                ))}
              </details>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
