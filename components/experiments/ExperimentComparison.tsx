"use client";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { area, line, max, scaleLinear } from "d3";
import { settingValue, variableOf, type AssignmentMode, type GroupSummary } from "@/lib/experiments/experiment-groups";
import { GROUP_COLORS, groupLetter } from "./experimentLabels";
import { NetCells, NetConclusions, NetHeaders } from "./ExperimentFindings";
import ChartFrame from "../charts/ChartFrame";
import Axes from "../charts/Axes";
import "./experiments.css";

interface Props {
  summaries: readonly GroupSummary[];
  mode?: AssignmentMode;
  /** The viewer's own group (students): marked in the table. */
  mine?: number | null;
  /** The projector: a larger chart and type. */
  big?: boolean;
  title?: string;
}

const M = { t: 12, r: 40, b: 44, l: 54 };

/**
 * An experiment's groups side by side: per group the median accuracy per epoch with its
 * interquartile band (D3 shapes), then a table with the share at 100% and the median epochs to
 * converge. The same figure on the live board, for the students after the reveal, and in the history.
 * An experiment on the hidden activation adds per group the best accuracy, the median hidden
 * gradient, the dead or saturated units, and one sentence of conclusion (ExperimentFindings).
 */
export default function ExperimentComparison({ summaries, mode, mine = null, big = false, title }: Props) {
  const t = useTranslations("experiments.comparison");
  const tg = useTranslations("experiments");
  const PW = big ? 820 : 520;
  const PH = big ? 340 : 200;
  const maxEpoch = Math.max(1, max(summaries, (s) => s.curve.at(-1)?.epoch ?? 0) ?? 1);
  const shapes = useMemo(() => {
    const x = scaleLinear().domain([1, Math.max(2, maxEpoch)]).range([0, PW]);
    const y = scaleLinear().domain([0, 1]).range([PH, 0]);
    const med = line<GroupSummary["curve"][number]>().x((p) => x(p.epoch)).y((p) => y(p.median));
    const band = area<GroupSummary["curve"][number]>().x((p) => x(p.epoch)).y0((p) => y(p.q1)).y1((p) => y(p.q3));
    // The group letters at the lines' ends, kept apart when the lines end together (both at 100%, say).
    const gap = big ? 24 : 15;
    const labelY = new Map<number, number>();
    let below = -Infinity;
    for (const s of [...summaries].filter((g) => g.curve.length).sort((a, b) => y(a.curve.at(-1)!.median) - y(b.curve.at(-1)!.median))) {
      const at = Math.max(y(s.curve.at(-1)!.median), below + gap);
      labelY.set(s.group, at);
      below = at;
    }
    return {
      x, y,
      groups: summaries.map((s) => ({ s, median: med(s.curve) ?? "", band: band(s.curve) ?? "", end: s.curve.at(-1), labelY: labelY.get(s.group) ?? 0 })),
    };
  }, [summaries, maxEpoch, PW, PH]);
  const pct = (v: number) => Math.round(v * 100);
  const started = summaries.some((s) => s.curve.length > 0);
  const variable = summaries[0] ? variableOf(summaries[0].settings) : "lr";
  const net = summaries.some((s) => s.net);

  // Under the chart: what the lines mean, the groups' table and the conclusions.
  const findings = (
    <>
      <p className="muted ex-legend">{t("legend")}{variable === "activation" && <> {t("netNote")}</>}</p>
      <div className="ex-table-wrap">
      <table className="ex-table">
        <thead>
          <tr><th scope="col">{t("group")}</th><th scope="col">{t(`setting.${variable}`)}</th><th scope="col">{t("members")}</th><th scope="col">{net ? t("solved") : t("share")}</th><th scope="col">{t("epochs")}</th>{net && <NetHeaders />}</tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <tr key={s.group} data-testid={`experiment-row-${groupLetter(s.group)}`} className={mine === s.group ? "ex-mine" : undefined}>
              <th scope="row">
                <span className="ex-swatch" style={{ background: GROUP_COLORS[s.group % 6] }} aria-hidden="true" />
                {tg("group", { letter: groupLetter(s.group) })}
                {mine === s.group && <span className="ex-yours"> ({t("yours")})</span>}
              </th>
              <td>{settingValue(s.settings)}</td>
              <td>{s.size}</td>
              <td data-testid="experiment-share">{t("shareValue", { percent: pct(s.share100), n: s.at100, size: s.size })}</td>
              <td data-testid="experiment-epochs">{s.medianEpochs === null ? t("none") : Math.round(s.medianEpochs)}</td>
              {net && <NetCells net={s.net} />}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {net && <NetConclusions summaries={summaries} mine={mine} />}
    </>
  );
  return (
    <ChartFrame className={big ? "ex-comparison ex-big" : "ex-comparison"} testId="experiment-comparison" width={PW} height={PH} margin={M}
      title={<><strong>{title ?? t("title")}</strong>{mode && <span className="muted"> · {t(`mode.${mode}`)}</span>}</>}
      before={!started && <p className="muted">{t("empty")}</p>} ariaLabel={t("aria", { count: summaries.length })} legend={findings}>
      {shapes.y.ticks(4).map((v) => (
        <g key={`y${v}`} transform={`translate(0,${shapes.y(v)})`}>
          <line x2={PW} className="ex-grid" />
          <text x={-8} dy="0.32em" textAnchor="end" className="ex-tick">{pct(v)}%</text>
        </g>
      ))}
      {shapes.x.ticks(6).filter(Number.isInteger).map((v) => (
        <text key={`x${v}`} x={shapes.x(v)} y={PH + 18} textAnchor="middle" className="ex-tick">{v}</text>
      ))}
      <Axes width={PW} height={PH} x={false} y={false} xLabel={t("x")} yLabel={t("y")} xLabelAt={38} yLabelAt={-42} />
      {shapes.groups.map(({ s, band }) => (
        <path key={`b${s.group}`} d={band} data-band={s.group} fill={GROUP_COLORS[s.group % 6]} fillOpacity={0.18} stroke="none" />
      ))}
      {shapes.groups.map(({ s, median, end, labelY }) => (
        <g key={`m${s.group}`}>
          <path d={median} data-median={s.group} fill="none" stroke={GROUP_COLORS[s.group % 6]} strokeWidth={big ? 4 : 2.5}
            strokeDasharray={s.group % 2 ? "8 4" : undefined} />
          {end && <text x={shapes.x(end.epoch) + 6} y={labelY} dy="0.32em" className="ex-end" fill={GROUP_COLORS[s.group % 6]}>{groupLetter(s.group)}</text>}
        </g>
      ))}
    </ChartFrame>
  );
}
