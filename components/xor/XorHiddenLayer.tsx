"use client";
import { useTranslations } from "next-intl";
import type { HiddenActivation } from "@/lib/xor/xor-net";
import type { LabelledPoint } from "@/lib/nn/custom-points";
import NetRunStatus from "./NetRunStatus";
import { useNetRunSubmit } from "./useNetRunSubmit";
import type { ClientSocket } from "../live/useSocket";
import XorNetView from "./XorNetView";

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
  const { submit, outcome, busy } = useNetRunSubmit(socket, sessionId, exerciseId);

  return (
    <section className="stack" aria-labelledby="xor-hidden-title" data-testid="xor-hidden-layer">
      <h2 id="xor-hidden-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <XorNetView locked={locked} fixedActivation={activation} classPoints={points} live={{ submit, busy, status: <NetRunStatus outcome={outcome} /> }} />
    </section>
  );
}
