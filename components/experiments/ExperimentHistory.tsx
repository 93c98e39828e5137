import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { settingValue, variableOf, type ExperimentRecord } from "@/lib/experiments/experiment-groups";
import ExperimentComparison from "./ExperimentComparison";
import { groupLetter } from "./experimentLabels";

interface Props {
  records: readonly ExperimentRecord[];
  /** Exercise id -> its name ("2. Train a perceptron: AND"). */
  labels: Readonly<Record<string, string>>;
  /** The class's history pages: each record links to its session. */
  classId: string;
  /** The session's page: the whole comparison; the dashboard: one line per group. */
  full?: boolean;
}

/** The experiments kept with a session (history) or a class (dashboard), with their stored results. */
export default function ExperimentHistory({ records, labels, classId, full = false }: Props) {
  const t = useTranslations("experiments.history");
  const tc = useTranslations("experiments.comparison");
  const tg = useTranslations("experiments");
  const tn = useTranslations("experiments.conclusion");
  const fmt = useFormatter();
  return (
    <section className="card stack" aria-labelledby="experiments-title" data-testid="experiment-list">
      <h2 id="experiments-title">{t("title")}</h2>
      {records.length === 0 && <p className="muted">{t("none")}</p>}
      {records.map((r) => {
        const title = t("item", { exercise: labels[r.exerciseId] ?? "?", date: fmt.dateTime(new Date(r.createdAt), { dateStyle: "medium", timeStyle: "short" }) });
        if (full && r.result) return <ExperimentComparison key={r.id} summaries={r.result} mode={r.mode} title={title} />;
        return (
          <div key={r.id} className="stack">
            <h3>{full ? title : <Link href={`/classes/${classId}/history/${r.sessionId}`}>{title}</Link>} <span className="muted">· {tc(`mode.${r.mode}`)}</span></h3>
            <ul>
              {r.groups.map((g, i) => {
                const s = r.result?.[i];
                return (
                  <li key={i}>
                    {tg("group", { letter: groupLetter(i) })} · {tc(`setting.${variableOf(g)}`)} {settingValue(g)} · {tc("members")} {r.sizes[i]}
                    {s && <> · {tc("share")} {tc("shareValue", { percent: Math.round(s.share100 * 100), n: s.at100, size: s.size })} · {tc("epochs")} {s.medianEpochs === null ? tc("none") : Math.round(s.medianEpochs)}</>}
                    {s?.net && <> · <span data-testid="experiment-conclusion">{tn(s.net.conclusion.key, s.net.conclusion.values)}</span></>}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
