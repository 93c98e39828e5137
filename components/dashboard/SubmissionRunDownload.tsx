"use client";
import { useMemo } from "react";
import { gateSubmissionSchema, xorSubmissionSchema } from "@/lib/grading/grading";
import { train } from "@/lib/nn/perceptron";
import DownloadRun from "../files/DownloadRun";

/** A stored gate or XOR run, replayed from its settings, as CSV or JSON (student progress and the instructor's student page). */
export default function SubmissionRunDownload({ type, payload }: { type: string; payload: unknown }) {
  const run = useMemo(() => {
    const p = type === "GATE" ? gateSubmissionSchema.safeParse(payload) : type === "XOR" ? xorSubmissionSchema.safeParse(payload) : null;
    if (!p?.success) return null;
    const settings = { gate: "gate" in p.data ? p.data.gate : ("XOR" as const), lr: p.data.lr, epochs: p.data.epochs, seed: p.data.seed };
    return { settings, history: train(settings).history };
  }, [type, payload]);
  return run ? <DownloadRun settings={run.settings} history={run.history} /> : null;
}
