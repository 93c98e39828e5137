"use client";
import { memo, useEffect, useMemo, useRef } from "react";
import { useTranslations } from "next-intl";
import { line, scaleLinear, select } from "d3";
import { AccuracyReplay, runOf } from "@/lib/board";
import type { ProgressState } from "@/lib/session-protocol";

/** One replay cache for every tile: runs are extended as students' epochs grow. */
const replay = new AccuracyReplay();
const W = 120;
const H = 32;
const POINTS = 60;

/**
 * A student's accuracy per epoch, replayed in the browser from the streamed settings
 * (gate, lr, seed; training is seeded, so the latest settings are enough).
 */
function TileSparkline({ progress }: { progress: ProgressState | null }) {
  const t = useTranslations("board.spark");
  const ref = useRef<SVGSVGElement>(null);
  const run = runOf(progress);
  const key = run ? `${run.gate}|${run.lr}|${run.seed}|${run.epoch}|${run.epochs}` : "";
  const series = useMemo(
    () => (run ? replay.series(run.gate, run.lr, run.seed, run.epoch, POINTS) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key holds every input
    [key],
  );
  const total = run ? Math.max(run.epoch, 1) : 1;

  useEffect(() => {
    const x = scaleLinear().domain([0, Math.max(series.length - 1, 1)]).range([2, W - 2]);
    const y = scaleLinear().domain([0, 1]).range([H - 3, 3]);
    const svg = select(ref.current);
    svg.select("path.spark").attr("d", series.length ? line<number>((_, i) => x(i), (d) => y(d))(series) : null);
    svg.select("circle").attr("cx", x(Math.max(series.length - 1, 0))).attr("cy", y(series.at(-1) ?? 0))
      .attr("r", series.length ? 2.5 : 0);
  }, [series]);

  if (!run) return null;
  const last = series.at(-1) ?? 0;
  return (
    <svg ref={ref} className="bd-spark" viewBox={`0 0 ${W} ${H}`} role="img"
      aria-label={series.length ? t("aria", { value: last, epochs: total }) : t("none")} data-testid="tile-spark" data-points={series.length}>
      <line x1={2} x2={W - 2} y1={3} y2={3} className="bd-spark-top" />
      <line x1={2} x2={W - 2} y1={H - 3} y2={H - 3} className="bd-spark-base" />
      <path className="spark" fill="none" stroke="var(--blue)" strokeWidth={1.8} />
      <circle fill="var(--blue)" />
    </svg>
  );
}

export default memo(TileSparkline);
