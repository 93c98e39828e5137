"use client";
import { memo, useEffect, useMemo, useRef } from "react";
import { useTranslations } from "next-intl";
import { line, scaleLinear, select } from "d3";
import { AccuracyReplay, runOf } from "@/lib/board/accuracy-replay";
import type { ProgressState } from "@/lib/live/session-protocol";

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
  const done = run ? run.epoch : 0;
  const planned = run ? Math.max(run.epochs, run.epoch, 1) : 1;

  useEffect(() => {
    // x is the epoch, over the run's planned length: a run part-way fills part of the width.
    const x = scaleLinear().domain([0, planned]).range([1, W - 1]);
    const y = scaleLinear().domain([0, 1]).range([H - 3, 3]);
    const n = series.length;
    const pts = series.map((d, i) => [x(((i + 1) / n) * done), y(d)] as [number, number]);
    if (n === 1) pts.unshift([x(0), pts[0][1]]);
    select(ref.current).select("path.spark").attr("d", n ? line()(pts) : null);
  }, [series, done, planned]);

  if (!run) return null;
  const last = series.at(-1) ?? 0;
  return (
    <svg ref={ref} className="bd-spark" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img"
      aria-label={series.length ? t("aria", { value: last, epochs: done }) : t("none")} data-testid="tile-spark" data-points={series.length}>
      <line x1={1} x2={W - 1} y1={3} y2={3} className="bd-spark-top" vectorEffect="non-scaling-stroke" />
      <line x1={1} x2={W - 1} y1={H - 3} y2={H - 3} className="bd-spark-base" vectorEffect="non-scaling-stroke" />
      <path className="spark" fill="none" stroke="var(--blue)" strokeWidth={2} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
    </svg>
  );
}

export default memo(TileSparkline);
