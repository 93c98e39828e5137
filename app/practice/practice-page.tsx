import { getTranslations } from "next-intl/server";
import { readParams } from "@/lib/practice/practice-params";

/** A practice page's address: a run to restore (lib/practice/practice-params). */
export type PracticeSearch = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The run the address restores (or refused), and the page's title and introduction from `page`'s messages. */
export async function practicePage({ searchParams }: PracticeSearch, page: "trainer.gatePage" | "trainer.xorPage") {
  const { state, refused } = readParams(await searchParams);
  const t = await getTranslations(page);
  return {
    state, refused,
    head: (
      <>
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
      </>
    ),
  };
}
