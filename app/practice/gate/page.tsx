import { getTranslations } from "next-intl/server";
import LessonArc from "@/components/lessons/LessonArc";
import PracticeGate from "@/components/trainer/PracticeGate";
import TrainerLesson from "@/components/trainer/TrainerLesson";
import { readParams } from "@/lib/practice/practice-params";
import { BUILTIN_LESSON, gateConfigSchema } from "@/lib/lessons/exercises";

const config = gateConfigSchema.parse(BUILTIN_LESSON.exercises[1]);

/** Practice: train one perceptron on a logic gate, checked locally. */
export default async function PracticeGatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { state, refused } = readParams(await searchParams);
  const t = await getTranslations("trainer.gatePage");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <TrainerLesson part="gate" open />
      <PracticeGate config={config} initial={state} refused={refused} />
      <LessonArc at="GATE" />
    </>
  );
}
