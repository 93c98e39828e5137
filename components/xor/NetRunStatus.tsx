"use client";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import type { XorNetResult } from "@/lib/live/xor-protocol";
import FieldError from "../forms/FieldError";

/** Where a handed-in network run stands: being sent, received (the server is replaying it), refused with a code, or the server's replay's answer. */
export type NetRunOutcome = { kind: "sending" } | { kind: "received" } | { kind: "result"; result: XorNetResult } | { kind: "refused"; error: ErrorCode };

export default function NetRunStatus({ outcome }: { outcome: NetRunOutcome | null }) {
  const t = useTranslations("xorProof.net");
  if (!outcome) return null;
  if (outcome.kind === "sending") return <span role="status">{t("sending")}</span>;
  if (outcome.kind === "received") return <span role="status" data-testid="net-received">{t("received")}</span>;
  if (outcome.kind === "refused") return <FieldError code={outcome.error} />;
  return (
    <span role="status" data-testid="net-result" className={outcome.result.solved ? "tr-good" : "tr-bad"}>
      {t(outcome.result.solved ? "solved" : "notSolved", { accuracy: outcome.result.accuracy })}
    </span>
  );
}
