import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import LessonArc from "@/components/lessons/LessonArc";
import PracticeActivation from "@/components/explorer/PracticeActivation";
import { BUILTIN_ACTIVATION_CONFIG } from "@/lib/lessons/exercises";
import { readParams } from "@/lib/practice/practice-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("explorer");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Practice: the activation explorer with the built-in lesson's settings, answers checked in the browser; its state lives in the URL. */
export default async function PracticeActivationPage({ searchParams }: { searchParams: Search }) {
  const t = await getTranslations("explorer");
  const { state, refused } = readParams(await searchParams);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <PracticeActivation config={BUILTIN_ACTIVATION_CONFIG} initial={state} refused={refused} />
      <LessonArc at="ACTIVATION" />
    </>
  );
}
