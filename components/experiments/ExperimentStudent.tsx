"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import { settingValue, variableOf, type ExperimentInfo, type GroupSettings } from "@/lib/experiments/experiment-groups";
import dynamic from "next/dynamic";
import FieldError from "../forms/FieldError";
import { GROUP_COLORS, groupLetter } from "./experimentLabels";
import "./experiments.css";

// Only after the reveal (its chart is D3's: about 20 KB the live page does not need before).
const ExperimentComparison = dynamic(() => import("./ExperimentComparison"));

interface Props {
  experiment: ExperimentInfo;
  /** The student's group, or null (by choice, not chosen yet). */
  group: number | null;
  revealed: boolean;
  /** By choice: join a group; resolves with the server's answer. */
  onChoose(group: number): Promise<{ ok: true; group: number } | { ok: false; error: ErrorCode }>;
}

/**
 * The student's side of an experiment: which group they are in and its setting (or the choice of
 * a group), and after the reveal how their group did against the others.
 */
export default function ExperimentStudent({ experiment, group, revealed, onChoose }: Props) {
  const t = useTranslations("experiments.student");
  const tc = useTranslations("experiments.comparison");
  const [busy, setBusy] = useState(false);
  const setting = (g: GroupSettings) => t(`setting.${variableOf(g)}`, { value: settingValue(g) });
  const [error, setError] = useState<ErrorCode | null>(null);

  if (group === null) {
    return (
      <section className="card stack" data-testid="experiment-choose" aria-labelledby="ex-choose-title">
        <h2 id="ex-choose-title">{t("choose")}</h2>
        <p className="muted">{t("chooseHint")}</p>
        <div className="ex-choices">
          {experiment.groups.map((g, i) => (
            <button key={i} type="button" disabled={busy} onClick={async () => {
              setBusy(true);
              const res = await onChoose(i);
              setBusy(false);
              setError(res.ok ? null : res.error);
            }}>
              {t("pick", { letter: groupLetter(i), setting: setting(g) })}
            </button>
          ))}
        </div>
        <FieldError code={error} />
      </section>
    );
  }
  const settings = experiment.groups[group];
  return (
    <>
      <section className="card ex-banner" role="status" data-testid="experiment-group" style={{ ["--group" as string]: GROUP_COLORS[group % 6] }}>
        <p><strong>{t("inGroup", { letter: groupLetter(group), setting: setting(settings) })}</strong></p>
        <p className="muted">{t("inGroupHint")}</p>
      </section>
      {revealed && experiment.result && (
        <ExperimentComparison summaries={experiment.result} mode={experiment.mode} mine={group} title={tc("resultTitle")} />
      )}
    </>
  );
}
