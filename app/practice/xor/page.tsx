import { getTranslations } from "next-intl/server";
import LessonArc from "@/components/LessonArc";
import PracticeXor from "@/components/PracticeXor";
import TrainerLesson from "@/components/TrainerLesson";
import { readParams } from "@/lib/practice-params";
import { BUILTIN_LESSON, xorConfigSchema } from "@/lib/exercises";

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
