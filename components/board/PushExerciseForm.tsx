"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { filterTiles } from "@/lib/board/board-view";
import type { BoardState } from "@/lib/live/session-protocol";
import { useExerciseName } from "../live/useExerciseName";
import Form from "../forms/Form";
import type { ExperimentSpec } from "@/lib/experiments/experiments";
import ExperimentSetup, { draftSpec, NO_EXPERIMENT } from "../experiments/ExperimentSetup";

const BY_NICKNAME: ReadonlyMap<string, string> = new Map();

interface Props {
  state: BoardState;
  disabled: boolean;
  onPush(exerciseId: string, userIds?: string[], experiment?: ExperimentSpec): void;
}

/**
 * One line of the toolbar: which exercise (the one after the current is suggested), to whom
 * (everyone, or ticked students), and a send button that names what it sends.
 */
export default function PushExerciseForm({ state, disabled, onPush }: Props) {
  const t = useTranslations("board.toolbar");
  const tx = useTranslations("experiments.setup");
  const [draft, setDraft] = useState(NO_EXPERIMENT);
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
    setDraft((d) => ({ ...d, on: false })); // the next exercise is not an experiment unless asked again
  }
  const selected = choice && exercises.some((e) => e.id === choice) ? choice : suggested;
  const selectedEx = exercises.find((e) => e.id === selected);
  const [some, setSome] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [query, setQuery] = useState("");
  const chosen = picked.filter((u) => tiles.some((x) => x.userId === u));
  const spec = draftSpec(draft, selectedEx?.type);
  const blocked = disabled || !selected || (some && chosen.length === 0) || spec === "invalid";
  const label = selectedEx ? `${selectedEx.position + 1}. ${nameOf(selectedEx)}` : "";
  // Searched by nickname (the tiles carry the alias in projector mode).
  const listed = some ? filterTiles(tiles, BY_NICKNAME, { status: "all", query }).slice(0, 200) : [];

  return (
    <Form className="ctl-send" onSubmit={(e) => { e.preventDefault(); if (!blocked) onPush(selected, some ? chosen : undefined, spec ?? undefined); }}>
      <label className="ctl-field">
        <span>{t("exercise")}</span>
        <select value={selected} onChange={(e) => setChoice(e.target.value)} data-testid="push-exercise">
          {exercises.map((e) => (
            <option key={e.id} value={e.id}>{e.position + 1}. {nameOf(e)}{e.id === current ? ` (${t("now")})` : ""}</option>
          ))}
        </select>
      </label>
      <label className="ctl-field">
        <span>{t("to")}</span>
        <select value={some ? "some" : "all"} onChange={(e) => setSome(e.target.value === "some")} data-testid="push-target">
          <option value="all">{t("everyone")}</option>
          <option value="some">{t("selected")}</option>
        </select>
      </label>
      <button type="submit" disabled={blocked} className="live-cta ctl-push" data-testid="push-button">
        {spec && spec !== "invalid" ? tx("send", { name: label, count: spec.values.length }) : some ? t("sendSome", { name: label, count: chosen.length }) : t("send", { name: label })}
      </button>
      <ExperimentSetup exercise={selectedEx} draft={draft} onChange={setDraft} />
      {some && (
        <div className="ctl-pick">
          {tiles.length === 0 ? <p className="muted">{t("noStudents")}</p> : (
            <>
              {tiles.length > 12 && (
                <label className="ctl-field">
                  <span>{t("find")}</span>
                  <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
                </label>
              )}
              <div role="group" aria-label={t("students")} className="ctl-students">
                {listed.map((x) => (
                  <label key={x.userId} className="ctl-option" htmlFor={`${id}-${x.userId}`}>
                    <input id={`${id}-${x.userId}`} type="checkbox" checked={chosen.includes(x.userId)}
                      onChange={(e) => setPicked(e.target.checked ? [...chosen, x.userId] : chosen.filter((u) => u !== x.userId))} />
                    <span className="bd-name">{x.nickname}{!x.online && <span className="muted"> ({t("offline")})</span>}</span>
                  </label>
                ))}
              </div>
              {chosen.length === 0 && <p className="muted">{t("pickStudents")}</p>}
            </>
          )}
        </div>
      )}
    </Form>
  );
}
