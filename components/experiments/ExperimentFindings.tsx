"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { GroupSummary } from "@/lib/experiments/experiment-groups";
import type { NetFindings } from "@/lib/xor/net-findings";
import { GROUP_COLORS, groupLetter } from "./experimentLabels";

/** The hidden gradient legibly: 0 exactly, tiny values in scientific notation, else two significant digits. */
function useGradient() {
  const fmt = useFormatter();
  return (v: number | null) =>
    v === null ? "—" : v === 0 ? "0" : v < 0.001 ? fmt.number(v, { notation: "scientific", maximumFractionDigits: 1 }) : fmt.number(v, { maximumSignificantDigits: 2 });
}

/** An activation experiment's extra cells in a group's row: best accuracy, median hidden gradient, dead or saturated units. */
export function NetCells({ net }: { net: NetFindings | undefined }) {
  const t = useTranslations("experiments.comparison");
  const gradient = useGradient();
  const units = useUnits();
  if (!net) return <><td>{t("none")}</td><td>{t("none")}</td><td>{t("none")}</td></>;
  return (
    <>
      <td data-testid="experiment-best">{net.best === null ? t("none") : `${Math.round(net.best * 100)}%`}</td>
      <td data-testid="experiment-gradient">{gradient(net.diagnosed ? net.medianGradient : null)}</td>
      <td data-testid="experiment-units">{units(net)}</td>
    </>
  );
}

/** Dead units for ReLU, saturated ones for sigmoid and tanh (the only ones that can be); nothing to count otherwise. */
function useUnits() {
  const t = useTranslations("experiments.comparison");
  return (net: NetFindings) =>
    !net.diagnosed ? t("none")
    : net.activation === "relu" ? t("deadValue", { dead: net.deadUnits, units: net.units })
    : net.activation === "sigmoid" || net.activation === "tanh" ? t("saturatedValue", { saturated: net.saturatedUnits, units: net.units })
    : t("none");
}

export function NetHeaders() {
  const t = useTranslations("experiments.comparison");
  return <><th scope="col">{t("best")}</th><th scope="col">{t("gradient")}</th><th scope="col">{t("units")}</th></>;
}

/** One sentence per group that its figures support (lib/xor/net-findings.ts), in the viewer's language. */
export function NetConclusions({ summaries, mine = null }: { summaries: readonly GroupSummary[]; mine?: number | null }) {
  const t = useTranslations("experiments.comparison");
  const tc = useTranslations("experiments.conclusion");
  return (
    <section className="ex-conclusions" data-testid="experiment-conclusions" aria-label={t("conclusions")}>
      <strong>{t("conclusions")}</strong>
      <ul>
        {summaries.map((s) => s.net && (
          <li key={s.group} data-testid={`experiment-conclusion-${groupLetter(s.group)}`} className={mine === s.group ? "ex-mine" : undefined}>
            <span className="ex-swatch" style={{ background: GROUP_COLORS[s.group % 6] }} aria-hidden="true" />
            {tc(s.net.conclusion.key, s.net.conclusion.values)}
          </li>
        ))}
      </ul>
      <p className="muted">{t("gradientNote")}</p>
    </section>
  );
}
