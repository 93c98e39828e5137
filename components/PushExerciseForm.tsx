"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { BoardState } from "@/lib/session-protocol";
import { useExerciseName } from "./useExerciseName";

interface Props {
  state: BoardState;
  disabled: boolean;
  onPush(exerciseId: string, userIds?: string[]): void;
}

/** The next exercise (the current one marked) and who gets it: everyone or ticked students. */
export default function PushExerciseForm({ state, disabled, onPush }: Props) {
  const t = useTranslations("controls");
  const id = useId();
  const nameOf = useExerciseName();
  const current = state.exercise?.id ?? null;
  const { exercises, tiles } = state;
  const after = exercises.findIndex((e) => e.id === current) + 1;
  const suggested = exercises[after < exercises.length ? after : 0]?.id ?? "";
  const [choice, setChoice] = useState<string | null>(null);
  const [seenCurrent, setSeenCurrent] = useState(current);
  if (seenCurrent !== current) {
    setSeenCurrent(current); // a new exercise went out: suggest the one after it again
    setChoice(null);
  }
  const selected = choice && exercises.some((e) => e.id === choice) ? choice : suggested;
  const [some, setSome] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const chosen = picked.filter((u) => tiles.some((x) => x.userId === u));
  const blocked = disabled || !selected || (some && chosen.length === 0);

  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); if (!blocked) onPush(selected, some ? chosen : undefined); }}>
      <fieldset>
        <legend>{t("exercises")}</legend>
        {exercises.map((e) => (
          <label key={e.id} className="ctl-option">
            <input type="radio" name={`${id}-ex`} value={e.id} checked={selected === e.id} onChange={() => setChoice(e.id)} />
            <span>{e.position + 1}. {nameOf(e)}</span>
            {e.id === current && <span className="ctl-now">{t("current")}</span>}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("target")}</legend>
        <label className="ctl-option">
          <input type="radio" name={`${id}-to`} checked={!some} onChange={() => setSome(false)} />
          {t("targetAll")}
        </label>
        <label className="ctl-option">
          <input type="radio" name={`${id}-to`} checked={some} onChange={() => setSome(true)} />
          {t("targetSome")}
        </label>
        {some && (
          <div role="group" aria-label={t("students")} className="ctl-students">
            {tiles.length === 0 && <p className="muted">{t("noStudents")}</p>}
            {tiles.map((x) => (
              <label key={x.userId} className="ctl-option">
                <input type="checkbox" checked={chosen.includes(x.userId)}
                  onChange={(e) => setPicked(e.target.checked ? [...chosen, x.userId] : chosen.filter((u) => u !== x.userId))} />
                {x.nickname}{!x.online && <span className="muted"> ({t("offline")})</span>}
              </label>
            ))}
          </div>
        )}
        {some && chosen.length === 0 && tiles.length > 0 && <p className="muted">{t("pickStudents")}</p>}
      </fieldset>
      <button type="submit" disabled={blocked} className="live-cta">
        {some ? t("pushSome", { count: chosen.length }) : t("push")}
      </button>
    </form>
  );
}
