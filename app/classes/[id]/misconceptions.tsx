// Misconceptions at a glance (server side): for each XOR exercise, the explanations chosen (and its concept questions' answers, lib/grading/concepts.ts); for each
// activation exercise, the activations wrongly ticked or missed. Drawn by components/AnswerBars.
import { getTranslations } from "next-intl/server";
import { db } from "@/server/db";
import type { Misconceptions as Data } from "@/server/dashboard/dashboard";
import { explorerMistakes, xorMisconceptions, type DashboardColumn } from "@/lib/dashboard/dashboard";
import { activationConfigSchema, xorConfigSchema } from "@/lib/lessons/exercises";
import { CONCEPT_RIGHT, conceptMisconceptions, type ConceptCount, type ConceptId } from "@/lib/grading/concepts";
import { choiceName, explorerChoices } from "@/lib/explorer/explorer-choices";
import { buildCustoms } from "@/lib/formula/formula-activation";
import { XOR_CORRECT_EXPLANATION } from "@/lib/grading/grading";
import AnswerBars from "@/components/dashboard/AnswerBars";

interface Props {
  columns: Pick<DashboardColumn, "id" | "type">[];
  labelOf: Map<string, string>;
  answers: Data;
}

export default async function Misconceptions({ columns, labelOf, answers }: Props) {
  const t = await getTranslations("dashboard");
  const names = await getTranslations("explorer.names");
  const activationIds = columns.filter((c) => c.type === "ACTIVATION" && answers.explorer.has(c.id)).map((c) => c.id);
  const configs = new Map(
    (await db.exercise.findMany({ where: { id: { in: activationIds } }, select: { id: true, config: true } })).map((e) => [e.id, activationConfigSchema.safeParse(e.config)]),
  );
  const xorIds = columns.filter((c) => c.type === "XOR" && answers.concepts.has(c.id)).map((c) => c.id);
  const xorConfigs = new Map(
    (await db.exercise.findMany({ where: { id: { in: xorIds } }, select: { id: true, config: true } })).flatMap((e) => {
      const p = xorConfigSchema.safeParse(e.config);
      return p.success ? [[e.id, p.data] as const] : [];
    }),
  );
  // each concept question asked by an XOR preset: the true answer and the misconceptions (lib/grading/concepts.ts)
  const conceptCharts = (id: string, exercise: string, asked: ConceptId[], counts: ConceptCount[]) =>
    conceptMisconceptions(asked, counts).map((q) => {
      const choice = (ch: string) => t(`concepts.choices.${q.concept}.${ch}` as "concepts.choices.deadRelu.negativeForAll");
      const top = q.wrong[0];
      const bars = [{ label: choice(CONCEPT_RIGHT[q.concept]), value: q.right, kind: "good" as const }, ...q.wrong.map((w) => ({ label: choice(w.choice), value: w.students, kind: "bad" as const }))];
      return (
        <AnswerBars
          key={`${id}-${q.concept}`}
          testId={`concept-answers-${id}-${q.concept}`}
          title={t("concepts.title", { question: t(`concepts.questions.${q.concept}`), exercise })}
          headline={top && top.students > 0 ? t("concepts.mostWrong", { choice: choice(top.choice), count: top.students }) : t("concepts.noneWrong")}
          bars={bars}
          axisLabel={t("xor.axis")}
          ariaLabel={t("concepts.aria")}
          legend={{ good: t("xor.right"), bad: t("xor.wrong") }}
        />
      );
    });
  const conceptChartsOf = (id: string, exercise: string) => {
    const asked = xorConfigs.get(id)?.concepts;
    return asked ? conceptCharts(id, exercise, asked, answers.concepts.get(id) ?? []) : [];
  };
  const charts = columns.flatMap((c) => {
    const exercise = labelOf.get(c.id) ?? "?";
    if (c.type === "XOR" && answers.xor.has(c.id)) {
      const counts = answers.xor.get(c.id)!;
      const wrong = xorMisconceptions(counts);
      const right = counts.find((x) => x.choice === XOR_CORRECT_EXPLANATION)?.students ?? 0;
      const top = wrong[0];
      const bars = [{ label: t(`xor.choices.${XOR_CORRECT_EXPLANATION}`), value: right, kind: "good" as const }, ...wrong.map((w) => ({ label: t(`xor.choices.${w.choice}`), value: w.students, kind: "bad" as const }))];
      return [
        <AnswerBars
          key={c.id}
          testId={`xor-answers-${c.id}`}
          title={t("xor.title", { exercise })}
          headline={top && top.students > 0 ? t("xor.mostWrong", { choice: t(`xor.choices.${top.choice}`), count: top.students }) : t("xor.noneWrong")}
          bars={bars}
          axisLabel={t("xor.axis")}
          ariaLabel={t("xor.aria")}
          legend={{ good: t("xor.right"), bad: t("xor.wrong") }}
        />,
        ...conceptChartsOf(c.id, exercise),
      ];
    }
    const parsed = configs.get(c.id);
    if (c.type === "ACTIVATION" && parsed?.success) {
      const a = answers.explorer.get(c.id)!;
      // a preset's formulas are built as for grading, and named by their labels
      const built = buildCustoms(parsed.data.customs ?? []);
      const mistakes = explorerMistakes(parsed.data, a.wrongStudents, a.ticked, built.ok ? built.activations : []);
      const choices = explorerChoices(parsed.data);
      const name = (id: string) => choiceName(choices, id, (x) => names(x));
      const bars = mistakes.map((m) => ({ label: `${name(m.activation)} — ${t(`explorer.${m.kind}`)}`, value: m.students, kind: m.kind === "missed" ? ("good" as const) : ("bad" as const) }));
      return [
        <AnswerBars
          key={c.id}
          testId={`explorer-answers-${c.id}`}
          title={t("explorer.title", { exercise })}
          headline={bars.length ? t("explorer.top", { mistake: bars[0].label, count: bars[0].value }) : t("explorer.none")}
          bars={bars}
          axisLabel={t("explorer.axis")}
          ariaLabel={t("explorer.aria")}
          legend={{ good: t("explorer.missed"), bad: t("explorer.ticked") }}
        />,
      ];
    }
    return [];
  });
  return <>{charts}</>;
}
