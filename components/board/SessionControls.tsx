"use client";
import { memo, useEffect, useId, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { BoardState } from "@/lib/live/session-protocol";
import ConfirmAction from "../forms/ConfirmAction";
import FieldError from "../forms/FieldError";
import PushExerciseForm from "./PushExerciseForm";
import { useControlAction, type Control } from "./useControlAction";
import { useExerciseName } from "../live/useExerciseName";

export { default as KickButton } from "./KickButton";
export type { Control, ControlEvent, ControlResult } from "./useControlAction";

/** How long "Done." stays after a control landed. */
const DONE_MS = 4000;

/** Remove a student: nobody is chosen until the instructor picks one. */
function KickPicker({ state, disabled, onKick }: { state: BoardState; disabled: boolean; onKick(userId: string): void }) {
  const t = useTranslations("board.toolbar");
  const c = useTranslations("controls");
  const id = useId();
  const [kickId, setKickId] = useState("");
  // The options change only when the roster does, not on every progress flush.
  const roster = state.tiles.map((x) => `${x.userId}\u0000${x.nickname}`).join("\u0001");
  const options = useMemo(() => state.tiles.map((x) => ({ id: x.userId, name: x.nickname })), [roster]); // eslint-disable-line react-hooks/exhaustive-deps
  const kickTile = options.find((x) => x.id === kickId) ?? null;
  if (options.length === 0) return <p className="muted">{c("noStudents")}</p>;
  return (
    <div className="ctl-row">
      <label htmlFor={id}>{t("kickWho")}</label>
      <select id={id} value={kickTile?.id ?? ""} onChange={(e) => setKickId(e.target.value)} data-testid="kick-select">
        <option value="">{t("kickNobody")}</option>
        {options.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
      </select>
      <ConfirmAction label={kickTile ? t("kickNamed", { name: kickTile.name }) : t("kick")} question={t("kickConfirm", { name: kickTile?.name ?? "" })}
        confirmLabel={t("kickYes")} cancelLabel={c("cancel")} disabled={disabled || !kickTile}
        onConfirm={() => { if (kickTile) { onKick(kickTile.id); setKickId(""); } }} />
    </div>
  );
}

/**
 * The instructor's controls for a live session as one compact toolbar: send an exercise (to
 * everyone or to ticked students), pause / resume, close submissions, reveal the answer; under
 * "More": remove a student, end the session. Every action waits for the server's ack and shows
 * its error, if any; "Done." fades after a few seconds.
 */
export default memo(function SessionControls({ state, control }: { state: BoardState; control: Control }) {
  const t = useTranslations("controls");
  const tb = useTranslations("board.toolbar");
  const nameOf = useExerciseName();
  const { busy, result, run, clear } = useControlAction(control);
  const sessionId = state.sessionId;
  const ended = state.status === "ENDED";
  const ex = state.exercise;
  const off = busy || ended;
  // "More" is rendered only while open: a lecture hall's 2,000-name list costs nothing until then.
  const [more, setMore] = useState(false);

  useEffect(() => {
    if (!result?.ok) return;
    const timer = setTimeout(clear, DONE_MS);
    return () => clearTimeout(timer);
  }, [result, clear]);

  if (ended) {
    return (
      <section className="ctl-bar" aria-label={t("title")} data-testid="session-controls">
        <p role="status">{t("ended")}</p>
      </section>
    );
  }
  const target = !ex ? "" : ex.targetUserIds.length === 0 ? t("everyone") : t("studentCount", { count: ex.targetUserIds.length });
  return (
    <section className="ctl-bar" aria-label={t("title")} data-testid="session-controls">
      <PushExerciseForm state={state} disabled={off}
        onPush={(exerciseId, userIds, experiment) => void run("control:push", { sessionId, exerciseId, ...(userIds ? { userIds } : {}), ...(experiment ? { experiment } : {}) })} />
      <div className="ctl-actions">
        <button type="button" className="secondary" disabled={off} aria-pressed={state.paused}
          onClick={() => void run("control:pause", { sessionId, paused: !state.paused })}>
          {state.paused ? t("resume") : t("pause")}
        </button>
        <button type="button" className="secondary" disabled={off || !ex || !ex.open} onClick={() => void run("control:close", { sessionId })}>
          {tb("close")}
        </button>
        <button type="button" className="secondary" disabled={off || !ex || ex.revealed} onClick={() => void run("control:reveal", { sessionId })}>
          {t("reveal")}
        </button>
        <details className="ctl-more" onToggle={(e) => setMore(e.currentTarget.open)}>
          <summary>{tb("more")}</summary>
          {more && <div className="ctl-more-body">
            <h3>{tb("kickTitle")}</h3>
            <KickPicker state={state} disabled={off} onKick={(userId) => void run("control:kick", { sessionId, userId })} />
            <h3>{t("end")}</h3>
            <ConfirmAction label={t("end")} question={t("endConfirm")} confirmLabel={t("endYes")} cancelLabel={t("cancel")}
              disabled={off} onConfirm={() => void run("control:end", { sessionId })} />
          </div>}
        </details>
      </div>
      <div className="ctl-status" role="status" aria-live="polite" data-testid="controls-status">
        <span>{ex ? t("currentSummary", { name: `${ex.position + 1}. ${nameOf(ex)}`, target }) : t("noCurrent")}</span>
        {state.paused && <span className="ctl-flag ctl-flag-paused">{t("pausedNow")}</span>}
        {ex && !ex.open && <span className="ctl-flag">{ex.revealed ? t("revealedNow") : t("closedNow")}</span>}
        <span className="muted ctl-result" data-testid="controls-result">{busy ? t("busy") : result?.ok ? t("done") : ""}</span>
      </div>
      <FieldError code={result && !result.ok ? result.error : null} />
    </section>
  );
});
