"use client";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { exerciseConfigSchema } from "@/lib/lessons/exercises";
import type { HelpFlag } from "@/lib/board/help-flags";
import type { BoardState } from "@/lib/live/session-protocol";
import { useDuration } from "../dashboard/useDuration";
import { useHelpText } from "./useHelpText";
import "./help.css";

interface Props {
  flags: readonly HelpFlag[];
  tiles: BoardState["tiles"];
  /** The name to show per user id (the nickname, or an alias when names are hidden). */
  names: ReadonlyMap<string, string>;
  exercise: BoardState["exercise"];
  /** Opens the student's live view, as a tile does. */
  onOpen(userId: string): void;
}

/** The preset's formula activations' labels, for the explorer's wrong choices. */
function customLabels(exercise: BoardState["exercise"]): string[] {
  const parsed = exercise ? exerciseConfigSchema.safeParse(exercise.config) : null;
  return parsed?.success && parsed.data.type === "ACTIVATION" ? (parsed.data.customs ?? []).map((c) => c.label) : [];
}

/**
 * "Needs help (N)": a disclosure listing each flagged student (oldest flag first) with every reason
 * in words and since when; an entry opens that student's live view. The rules and their thresholds
 * are stated under the list. Escape closes the list.
 */
export default memo(function HelpList({ flags, tiles, names, exercise, onOpen }: Props) {
  const t = useTranslations("help");
  const format = useFormatter();
  const duration = useDuration();
  const labels = useMemo(() => customLabels(exercise), [exercise]);
  const { reason, rules } = useHelpText(labels);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // Rendered only when its props change (not on every board flush): while open, "since" moves on its own.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!open) return;
    const id = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [open]);
  const groups = useMemo(() => {
    const by = new Map<string, HelpFlag[]>();
    for (const f of flags) by.set(f.userId, [...(by.get(f.userId) ?? []), f]);
    return [...by];
  }, [flags]);
  // The flagged students' nicknames only, read while the list is open.
  const nick = useMemo(() => {
    const out = new Map<string, string>();
    if (!open || groups.length === 0) return out;
    const want = new Set(groups.map(([id]) => id));
    for (const x of tiles) if (want.has(x.userId)) out.set(x.userId, x.nickname);
    return out;
  }, [groups, tiles, open]);
  const now = Date.now();
  const since = (ms: number) => t("since", {
    time: format.dateTime(ms, { hour: "numeric", minute: "2-digit" }),
    duration: duration(Math.max(0, Math.round((now - ms) / 1000))),
  });

  return (
    <div className="hl">
      <button ref={toggle} type="button" className={groups.length ? "hl-toggle hl-has" : "hl-toggle secondary"} aria-expanded={open} aria-controls="help-panel"
        data-testid="help-toggle" data-count={groups.length} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">⚑</span> {t("button", { count: groups.length })}
      </button>
      {open && (
        <section id="help-panel" className="card hl-panel" aria-labelledby="help-title" data-testid="help-list"
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            setOpen(false);
            toggle.current?.focus();
          }}>
          <div className="hl-head">
            <h2 id="help-title">{t("title")}</h2>
            <button type="button" className="secondary" onClick={() => { setOpen(false); toggle.current?.focus(); }}>{t("close")}</button>
          </div>
          {groups.length === 0 ? <p className="muted" data-testid="help-empty">{t("empty")}</p> : (
            <ul className="hl-entries">
              {groups.map(([userId, list]) => {
                const name = names.get(userId) ?? nick.get(userId) ?? "?";
                return (
                  <li key={userId}>
                    <button type="button" className="hl-entry" data-testid="help-entry" data-user={userId} aria-haspopup="dialog" onClick={() => onOpen(userId)}>
                      <strong className="hl-name" data-testid="help-name">{name}</strong>
                      {list.map((f) => (
                        <span key={f.reason} className="hl-reason" data-testid="help-reason" data-reason={f.reason}>
                          {reason(f)} <span className="muted hl-since">{since(f.since)}</span>
                        </span>
                      ))}
                      <span className="sr-only">{t("open", { name })}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <details className="hl-rules">
            <summary>{t("rulesTitle")}</summary>
            <ul data-testid="help-rules">{rules.map((r) => <li key={r}>{r}</li>)}</ul>
          </details>
        </section>
      )}
    </div>
  );
});
