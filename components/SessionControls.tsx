"use client";
// PLACEHOLDER (replaced at merge by the student-page helper's SessionControls): only the buttons the
// board's own tests need. Same props as the real component.
import type { ErrorCode } from "@/lib/forms";
import type { BoardState } from "@/lib/session-protocol";

type ControlEvent = "control:push" | "control:pause" | "control:close" | "control:reveal" | "control:kick" | "control:end";

interface Props {
  state: BoardState;
  control: (event: ControlEvent, payload: object) => Promise<{ ok: true } | { ok: false; error: ErrorCode }>;
}

export default function SessionControls({ state, control }: Props) {
  const { sessionId } = state;
  return (
    <div className="card" role="group" aria-label="Session controls">
      <button type="button" onClick={() => void control("control:pause", { sessionId, paused: !state.paused })}>
        {state.paused ? "Resume" : "Pause"}
      </button>{" "}
      {state.exercises.map((e) => (
        <button key={e.id} type="button" className="secondary" onClick={() => void control("control:push", { sessionId, exerciseId: e.id })}>
          Push {e.position + 1}: {e.type}
        </button>
      ))}
    </div>
  );
}
