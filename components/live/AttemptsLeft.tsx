"use client";
import { useTranslations } from "next-intl";

/** "2 attempts left", when the exercise limits attempts and the server said how many remain. */
export default function AttemptsLeft({ left }: { left: number | null | undefined }) {
  const t = useTranslations("attempts");
  if (left === null || left === undefined) return null;
  return <span className="attempts-left" data-testid="attempts-left"> {t("left", { left })}</span>;
}
