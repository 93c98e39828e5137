"use client";
import { useCallback, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import { newClientId, retryLater, RETRY_LATER_MS } from "@/lib/live/pending-submission";
import type { HiddenActivation } from "@/lib/xor/xor-net";
import type { LabelledPoint } from "@/lib/nn/custom-points";
import type { XorNetRun } from "@/lib/xor/xor-net-grading";
import NetRunStatus, { type NetRunOutcome } from "./NetRunStatus";
import type { ClientSocket } from "../live/useSocket";
import XorNetView from "./XorNetView";

/** Without an ack after this long, the run is sent again (same clientId: stored once). */
const SUBMIT_TIMEOUT_MS = 5000;
const MAX_TRIES = 5;

/**
 * The XOR proof's next step for a student, once the instructor unlocked it: the 2-2-1 network
 * (sigmoid or tanh hidden units, backpropagation in the browser, seeded) with its two hidden lines
 * over the plane, and its run submitted for the server to replay.
 */
export default function XorHiddenLayer({ sessionId, exerciseId, locked, socket, activation, points }: {
  sessionId: string; exerciseId: string; locked: boolean; socket: React.RefObject<ClientSocket | null>;
  /** An activation experiment: the group's hidden activation, fixed. */
  activation?: HiddenActivation;
  /** The exercise's own points (its preset's): the network trains on them, not on XOR's four; the student cannot edit them. */
  points?: LabelledPoint[];
}) {
  const t = useTranslations("xorProof.net");
  const [outcome, setOutcome] = useState<NetRunOutcome | null>(null);
  const current = useRef<string | null>(null);

  const submit = useCallback((run: XorNetRun) => {
    const clientId = newClientId();
    current.current = clientId;
    setOutcome({ kind: "sending" });
    const send = (tries: number) => {
      const s = socket.current;
      if (current.current !== clientId) return;
      if (!s?.connected || tries >= MAX_TRIES) {
        if (tries >= MAX_TRIES || !s) return setOutcome({ kind: "refused", error: "serverError" });
        return void setTimeout(() => send(tries + 1), SUBMIT_TIMEOUT_MS);
      }
      s.timeout(SUBMIT_TIMEOUT_MS).emit("xor:submit", { sessionId, exerciseId, clientId, run }, (err, res) => {
        if (current.current !== clientId) return;
        if (err) return send(tries + 1);
        if (!res.ok && retryLater(res.error)) return void setTimeout(() => send(tries + 1), RETRY_LATER_MS);
        setOutcome(res.ok ? { kind: "result", result: res.result } : { kind: "refused", error: res.error });
      });
    };
    send(0);
  }, [sessionId, exerciseId, socket]);

  return (
    <section className="stack" aria-labelledby="xor-hidden-title" data-testid="xor-hidden-layer">
      <h2 id="xor-hidden-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <XorNetView locked={locked} fixedActivation={activation} classPoints={points} live={{ submit, busy: outcome?.kind === "sending", status: <NetRunStatus outcome={outcome} /> }} />
    </section>
  );
}
