"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { policyIn } from "@/lib/grading/attempt-policy";
import { exerciseConfig, isXorConfig } from "@/lib/lessons/exercise-config";
import ConnectionBadge from "./ConnectionBadge";
import LiveExercise from "./LiveExercise";
import LiveStatusBar from "./LiveStatusBar";
import dynamic from "next/dynamic";
import SubmissionStatus from "./SubmissionStatus";
import { useStudentSession } from "./useStudentSession";
import { useExperimentView } from "../experiments/useExperimentView";

// Only once the instructor reveals an answer (it replays runs with lib/grading/reveal).
const RevealedAnswer = dynamic(() => import("./RevealedAnswer"));
// Only during a class experiment.
const ExperimentStudent = dynamic(() => import("../experiments/ExperimentStudent"));
// Only once the instructor unlocks the hidden layer during an XOR exercise; through the XOR
// exercise's own chunk, so it does not bring that chunk's modules a second time (components/xor/LiveXor.tsx).
const XorHiddenLayer = dynamic(() => import("../xor/LiveXor").then((m) => m.XorHiddenLayer));

/** A student's live session page: the exercise the instructor pushed, or why there is none. */
export default function StudentSession({ sessionId, classId }: { sessionId: string; classId: string }) {
  const t = useTranslations("live.page");
  const te = useTranslations("errors");
  const { state, phase, outcome, connection, report, submit, userId, choose, socket } = useStudentSession(sessionId, classId);
  // In an experiment: the student's group, and the exercise with the group's settings.
  const experiment = useExperimentView(state?.exercise ?? null, userId, choose);

  const notice = (title: string, hint: string, testId: string) => (
    <section className="card stack live-notice" role="status" data-testid={testId}>
      <h2>{title}</h2>
      <p>{hint}</p>
      <Link href="/student">{t("backHome")}</Link>
    </section>
  );
  let body: React.ReactNode;
  if (phase.kind === "kicked") body = notice(t("kicked"), t("kickedHint"), "kicked");
  else if (phase.kind === "ended") body = notice(t("ended"), t("endedHint"), "ended");
  else if (phase.kind === "refused") body = notice(t("refused"), te(phase.error), "refused");
  else if (!state) body = <p className="muted" role="status">{t("entering")}</p>;
  else if (!state.exercise) {
    body = (
      <section className="card live-waiting" role="status" data-testid="waiting">
        <h2>{t("waiting")}</h2>
        <p className="muted">{t("waitingHint")}</p>
      </section>
    );
  } else {
    const ex = state.exercise;
    const config = exerciseConfig(ex.config);
    const mine = outcome && outcome.exerciseId === ex.id ? outcome : null;
    const status = <SubmissionStatus outcome={mine} best={state.result} online={connection === "connected"} counts={policyIn(config).counts} inline />;
    body = (
      <>
        {experiment && <ExperimentStudent experiment={experiment.info} group={experiment.group} revealed={ex.revealed} onChoose={experiment.choose} />}
        {ex.revealed && config && <RevealedAnswer config={config} />}
        {(!experiment || experiment.exercise) && (
          <LiveExercise key={ex.id} exercise={experiment?.exercise ?? ex} locked={state.paused} progress={state.progress} onReport={report} onSubmit={submit} status={status}
            fixedSeed={experiment?.group != null ? experiment.info.groups[experiment.group]?.seed : undefined} />
        )}
        {state.hiddenLayer && ex.type === "XOR" && (!experiment || experiment.exercise) && (
          <XorHiddenLayer key={`net-${ex.id}`} sessionId={sessionId} exerciseId={ex.id} locked={state.paused} socket={socket}
            activation={experiment?.group != null ? experiment.info.groups[experiment.group]?.activation : undefined}
            points={isXorConfig(config) ? config.customPoints : undefined} />
        )}
      </>
    );
  }

  const inSession = phase.kind === "in" || phase.kind === "entering";
  return (
    <div className="live-student">
      <h1>{t("title")}</h1>
      {state && inSession ? <LiveStatusBar connection={connection} state={state} outcome={outcome} /> : <ConnectionBadge state={connection} />}
      {body}
    </div>
  );
}
