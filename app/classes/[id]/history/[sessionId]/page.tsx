import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { classForInstructorPage } from "@/server/auth/access";
import { sessionFinalBoard } from "@/server/dashboard/history";
import { misconceptions } from "@/server/dashboard/dashboard";
import { xorSessionSummary } from "@/server/xor/xor-summary";
import ClassNav from "@/components/classes/ClassNav";
import Misconceptions from "../../misconceptions";
import { exerciseLabeler } from "@/app/exercise-label";
import { experimentsOf } from "@/server/experiments/experiments";
import ExperimentHistory from "@/components/experiments/ExperimentHistory";

export const dynamic = "force-dynamic";

/** A replay of the board's final state, from the stored participants and submissions. */
export default async function FinalBoardPage({ params }: { params: Promise<{ id: string; sessionId: string }> }) {
  const { id, sessionId } = await params;
  const { cls } = await classForInstructorPage(id);
  const board = await sessionFinalBoard(cls.id, sessionId);
  if (!board) redirect("/denied");
  const t = await getTranslations("history");
  const fmt = await getFormatter();
  const [answers, experiments, xor] = await Promise.all([misconceptions({ sessionId }), experimentsOf({ sessionId }), xorSessionSummary(board.session)]);
  const tx = await getTranslations("xorProof");
  const label = await exerciseLabeler();
  const labelOf = new Map(board.boards.map((b) => [b.exercise.id, label(b.exercise)]));
  return (
    <>
      <h1>{t("finalTitle", { lesson: board.session.lesson.title, date: fmt.dateTime(board.session.startedAt, { dateStyle: "medium", timeStyle: "short" }) })}</h1>
      <ClassNav classId={cls.id} />
      <p className="muted">{t("finalIntro")}</p>
      {board.boards.length === 0 && <p className="muted">{t("noneRun")}</p>}
      {board.boards.map(({ exercise, tiles }) => {
        const count = (s: string) => tiles.filter((x) => x.status === s).length;
        return (
          <section key={exercise.id} className="card" aria-label={label(exercise)} data-testid="final-board">
            <h2>{label(exercise)}</h2>
            <p>{t("counts", { correct: count("correct"), submitted: count("submitted"), joined: count("joined") })}</p>
            <ul className="dash-tiles">
              {tiles.map((tile) => (
                <li key={tile.userId} className={`dash-tile dash-tile-${tile.status}`}>
                  <strong>{tile.nickname}</strong>
                  <span>{t(`tile.${tile.status}`)}</span>
                  {tile.best !== null && <small>{t("tileScore", { score: tile.best, count: tile.attempts })}</small>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {experiments.length > 0 && <ExperimentHistory records={experiments} labels={Object.fromEntries(labelOf)} classId={cls.id} full />}
      {xor && (
        <section className="card" aria-labelledby="xor-history-title" data-testid="xor-history">
          <h2 id="xor-history-title">{tx("historyTitle")}</h2>
          <p data-testid="xor-history-perceptron">
            {xor.perceptron.attempted ? tx("result", { reached: xor.perceptron.reached, attempted: xor.perceptron.attempted, best: xor.perceptron.best }) : tx("none")}
          </p>
          <p data-testid="xor-history-net">
            {!xor.net ? tx("historyNotUnlocked") : xor.net.submitted ? tx("solved", { solved: xor.net.solved, submitted: xor.net.submitted }) : tx("noRuns")}
          </p>
        </section>
      )}
      <div className="dash-charts">
        <Misconceptions columns={board.boards.map((b) => b.exercise)} labelOf={labelOf} answers={answers} />
      </div>
      <p><Link href={`/classes/${cls.id}/history`}>{t("back")}</Link></p>
    </>
  );
}
