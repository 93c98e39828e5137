import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import ActivationExplorer from "@/components/ActivationExplorer";
import { BUILTIN_ACTIVATION_CONFIG } from "@/lib/exercises";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("explorer");
  return { title: t("title") };
}

/** Practice: the activation explorer with the built-in lesson's settings, answers checked in the browser. */
export default async function PracticeActivation() {
  const t = await getTranslations("explorer");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <ActivationExplorer config={BUILTIN_ACTIVATION_CONFIG} />
    </>
  );
}
