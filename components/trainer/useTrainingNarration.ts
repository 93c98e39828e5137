"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { narrate, type RunView } from "@/lib/a11y/narration";
import { announce } from "../a11y/useAnnouncer";

const pct = (v: number) => Math.round(v * 100);

/**
 * Says a training run's moments in the page's polite live region (lib/a11y/narration.ts): started or
 * resumed, each accuracy milestone (50, 75, 100 %) once, finished. The queue keeps it to one
 * announcement every few seconds, a later milestone replacing one not yet said.
 */
export function useTrainingNarration(view: RunView): void {
  const t = useTranslations("announce");
  const prev = useRef<RunView | null>(null);
  const said = useRef(0);
  const { run, epoch, accuracy, playing, done } = view;
  useEffect(() => {
    const next = { run, epoch, accuracy, playing, done };
    const r = narrate(prev.current, next, said.current);
    prev.current = next;
    said.current = r.said;
    for (const e of r.events) {
      if (e.kind === "started") announce("run", e.epoch ? t("resumed", { epoch: e.epoch }) : t("started"));
      else if (e.kind === "milestone") announce("milestone", t("milestone", { accuracy: pct(e.accuracy) }));
      else announce("finished", t("finished", { epoch: e.epoch, accuracy: pct(e.accuracy) }));
    }
  }, [run, epoch, accuracy, playing, done, t]);
}
