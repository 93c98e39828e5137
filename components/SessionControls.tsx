"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { BoardState } from "@/lib/session-protocol";
import ConfirmAction from "./ConfirmAction";
import FieldError from "./FieldError";
import PushExerciseForm from "./PushExerciseForm";
import { useControlAction, type Control } from "./useControlAction";
import { useExerciseName } from "./useExerciseName";

export { default as KickButton } from "./KickButton";
export type { Control, ControlEvent, ControlResult } from "./useControlAction";

/**
 * The instructor's controls for a live session: send an exercise (to everyone or to ticked
 * students), pause / resume, close submissions, reveal the answer, remove a student, end the
 * session. Every action waits for the server's ack and shows its error, if any.
 */
export default function SessionControls({ state, control }: { state: BoardState; control: Control }) {
  const t = useTranslations("controls");
  const nameOf = useExerciseName();
  const { busy, result, run } = useControlAction(control);
  const [kickId, setKickId] = useState("");
  const kickSelect = useId();
  const sessionId = state.sessionId;
  const ended = state.status === "ENDED";
  const ex = state.exercise;
  const off = busy || ended;
  const kickTile = state.tiles.find((x) => x.userId === kickId) ?? state.tiles[0];

  if (ended) {
    return (
      <section className="card ctl" aria-labelledby="ctl-title" data-testid="session-controls">
        <h2 id="ctl-title">{t("title")}</h2>
        <p role="status">{t("ended")}</p>
      </section>
    );
  }
  const target = !ex ? "" : ex.targetUserIds.length === 0 ? t("everyone") : t("studentCount", { count: ex.targetUserIds.length });
  return (
    <section className="card ctl" aria-labelledby="ctl-title" data-testid="session-controls">
      <h2 id="ctl-title">{t("title")}</h2>
      <div role="status" aria-live="polite" data-testid="controls-status">
        <p>{ex ? t("currentSummary", { name: nameOf(ex), target }) : t("noCurrent")}</p>
        {state.paused && <p className="live-banner live-paused">{t("pausedNow")}</p>}
        {ex && !ex.open && <p className="live-banner live-closed">{ex.revealed ? t("revealedNow") : t("closedNow")}</p>}
      </div>
      <PushExerciseForm state={state} disabled={off}
        onPush={(exerciseId, userIds) => void run("control:push", userIds ? { sessionId, exerciseId, userIds } : { sessionId, exerciseId })} />
      <div className="ctl-row">
        <button type="button" className="secondary" disabled={off} aria-pressed={state.paused}
          onClick={() => void run("control:pause", { sessionId, paused: !state.paused })}>
          {state.paused ? t("resume") : t("pause")}
        </button>
        <button type="button" className="secondary" disabled={off || !ex || !ex.open} onClick={() => void run("control:close", { sessionId })}>
          {t("close")}
        </button>
        <button type="button" className="secondary" disabled={off || !ex || ex.revealed} onClick={() => void run("control:reveal", { sessionId })}>
          {t("reveal")}
        </button>
      </div>
      <div className="stack">
        <h3>{t("kickTitle")}</h3>
        {kickTile ? (
          <div className="ctl-row">
            <label htmlFor={kickSelect}>{t("kickWho")}</label>
            <select id={kickSelect} value={kickTile.userId} onChange={(e) => setKickId(e.target.value)}>
              {state.tiles.map((x) => <option key={x.userId} value={x.userId}>{x.nickname}</option>)}
            </select>
            <ConfirmAction label={t("kick")} question={t("kickConfirm", { name: kickTile.nickname })} confirmLabel={t("kickYes")}
              cancelLabel={t("cancel")} disabled={off} onConfirm={() => void run("control:kick", { sessionId, userId: kickTile.userId })} />
          </div>
        ) : (
          <p className="muted">{t("noStudents")}</p>
        )}
      </div>
      <div>
        <ConfirmAction label={t("end")} question={t("endConfirm")} confirmLabel={t("endYes")} cancelLabel={t("cancel")}
          disabled={off} onConfirm={() => void run("control:end", { sessionId })} />
      </div>
      <p role="status" className="muted ctl-result" data-testid="controls-result">{busy ? t("busy") : result?.ok ? t("done") : ""}</p>
      <FieldError code={result && !result.ok ? result.error : null} />
    </section>
  );
}
