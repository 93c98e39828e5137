"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { boardNews, type BoardSeen } from "@/lib/board/board-news";
import type { HelpFlag } from "@/lib/board/help-flags";
import type { BoardState } from "@/lib/live/session-protocol";
import { announce } from "../a11y/useAnnouncer";

/**
 * Tells the instructor what is new on the board through the page's polite live region, batched:
 * "3 new submissions; Minji needs help". News that arrives while an announcement is waiting joins
 * it (the queue's "board" key keeps the latest batch), so a busy class is one sentence every few seconds.
 */
export function useBoardNews(state: BoardState | null, flags: readonly HelpFlag[], enabled: boolean): void {
  const t = useTranslations("announce");
  const seen = useRef<BoardSeen | null>(null);
  const pending = useRef({ submissions: 0, help: [] as string[] });
  const exercise = state?.exercise?.id ?? null;
  const tiles = state?.tiles;
  useEffect(() => {
    if (!enabled || !tiles) return;
    const r = boardNews(seen.current, tiles, flags.map((f) => f.userId));
    seen.current = r.seen;
    if (!r.news.submissions && !r.news.help.length) return;
    // adds to the batch still waiting to be said (announce replaces the queued "board" entry)
    const p = pending.current;
    p.submissions += r.news.submissions;
    p.help = [...p.help, ...r.news.help.filter((n) => !p.help.includes(n))];
    const parts = [p.submissions ? t("submissions", { count: p.submissions }) : "", p.help.length ? t("help", { count: p.help.length, names: p.help.join(", ") }) : ""];
    announce("board", parts.filter(Boolean).join("; ") + ".", () => { pending.current = { submissions: 0, help: [] }; });
  }, [tiles, flags, enabled, t]);
  // a new exercise: its submissions are news from zero
  useEffect(() => { seen.current = null; }, [exercise]);
}
