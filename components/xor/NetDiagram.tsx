"use client";
import { memo, useId } from "react";
import { layersOf, type MlpNet } from "@/lib/nn/mlp";
import type { ChartDescription } from "../a11y/ChartText";
import { ChartFigure } from "../charts/ChartFrame";
import type { UnitState } from "@/lib/nn/mlp-diagnostics";

interface Props {
  net: MlpNet;
  /** Each hidden layer's units (lib/nn/mlp-diagnostics.ts unitStates). */
  states: UnitState[][];
  title: string;
  ariaLabel: string;
  /** Legend words for a dead and a saturated unit. */
  legend: { dead: string; saturated: string };
  /** The summary under the drawing (lib/a11y/chart-text). */
  text?: ChartDescription;
}

const W = 300;
const H = 190;
const R = 9;
const FILL: Record<UnitState, string> = { ok: "var(--card)", dead: "var(--error)", saturated: "var(--orange)" };

/** The network as circles and weighted edges (width ~ |w|, blue positive, orange negative); dead and saturated hidden units marked. */
function NetDiagram({ net, states, title, ariaLabel, legend, text }: Props) {
  const textId = useId();
  const layers = layersOf(net);
  const columns = [2, ...layers.map((l) => l.length)];
  const colX = (c: number) => 24 + (c * (W - 48)) / (columns.length - 1);
  const rowY = (n: number, j: number) => (H * (j + 1)) / (n + 1);
  const edges = layers.flatMap((layer, l) => layer.flatMap((u, j) => u.w.map((w, i) => ({
    key: `${l}-${j}-${i}`, x1: colX(l), y1: rowY(columns[l], i), x2: colX(l + 1), y2: rowY(columns[l + 1], j), w,
  }))));
  return (
    <ChartFigure title={title} testId="net-diagram" text={text} textId={textId} legend={(
      <p className="tr-legend">
        <span><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill={FILL.dead} /></svg>{legend.dead}</span>
        <span><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill={FILL.saturated} /></svg>{legend.saturated}</span>
      </p>
    )}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={ariaLabel} aria-describedby={text ? textId : undefined}>
        <g>
          {edges.map((e) => (
            <line key={e.key} x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2} stroke={e.w >= 0 ? "var(--blue)" : "var(--orange)"}
              strokeOpacity={0.7} strokeWidth={Math.min(5, 0.4 + Math.abs(e.w) * 0.6)} />
          ))}
        </g>
        {columns.map((n, c) => Array.from({ length: n }, (_, j) => {
          const state: UnitState = c > 0 && c < columns.length - 1 ? states[c - 1]?.[j] ?? "ok" : "ok";
          return (
            <g key={`${c}-${j}`} data-state={state} className="net-unit">
              <circle cx={colX(c)} cy={rowY(n, j)} r={R} fill={FILL[state]} stroke="var(--fg)" strokeWidth={1.2} />
              {state === "dead" && <text x={colX(c)} y={rowY(n, j) + 4} textAnchor="middle" fontSize="11" fill="var(--card)">✕</text>}
            </g>
          );
        }))}
      </svg>
    </ChartFigure>
  );
}

// a training page re-renders every frame; the drawing is redone only when what it is given changes
export default memo(NetDiagram);
