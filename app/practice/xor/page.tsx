import { getTranslations } from "next-intl/server";
import LessonArc from "@/components/lessons/LessonArc";
import PracticeXor from "@/components/xor/PracticeXor";
import TrainerLesson from "@/components/trainer/TrainerLesson";
import { readParams } from "@/lib/practice/practice-params";
import { BUILTIN_LESSON, xorConfigSchema } from "@/lib/lessons/exercises";

const config = xorConfigSchema.parse(BUILTIN_LESSON.exercises[2]);

/** Practice: one perceptron tries XOR; explain why it fails, then see a hidden layer solve it. */
export default async function PracticeXorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { state, refused } = readParams(await searchParams);
  const t = await getTranslations("trainer.xorPage");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <PracticeXor config={config} initial={state} refused={refused} />
      <TrainerLesson part="xor" />
      <LessonArc at="XOR" />
    </>
  );
}
