import type { ReactNode } from "react";

interface Props {
  /** The plot area's size. */
  width: number;
  height: number;
  /** Which axes the chart has (their groups, g.x under the plot and g.y at its left, drawn by useAxes). */
  x?: boolean;
  y?: boolean;
  xLabel?: ReactNode;
  yLabel?: ReactNode;
  /**
   * "middle": each name centred on its axis, x's `xLabelAt` below the plot, y's turned and `yLabelAt`
   * left of it (the trainer's, board's and dashboard's charts). "end": x's name at the right end
   * under the axis, y's turned at the top left corner (the explorer's panels).
   */
  labels?: "middle" | "end";
  xLabelAt?: number;
  yLabelAt?: number;
  /** The class of the names ("tr-axis-label" unless told). */
  labelClass?: string;
  /** The axis groups' further class (the explorer's "x-axis" / "y-axis"). */
  axisClass?: boolean;
}

/** The axes' groups and names of a chart's plot area (inside ChartFrame's g.plot). */
export default function Axes({ width, height, x = true, y = true, xLabel, yLabel, labels = "middle", xLabelAt = 34, yLabelAt = -38, labelClass = "tr-axis-label", axisClass = false }: Props) {
  const end = labels === "end";
  return (
    <>
      {x && <g className={axisClass ? "x x-axis" : "x"} transform={`translate(0,${height})`} />}
      {y && <g className={axisClass ? "y y-axis" : "y"} />}
      {xLabel !== undefined && (end
        ? <text className={`xl ${labelClass}`} x={width} y={height + xLabelAt} textAnchor="end">{xLabel}</text>
        : <text className={`xl ${labelClass}`} x={width / 2} y={height + xLabelAt} textAnchor="middle">{xLabel}</text>)}
      {yLabel !== undefined && (end
        ? <text className={`yl ${labelClass}`} x={yLabelAt} y={2} transform={`rotate(-90 ${yLabelAt} 2)`} textAnchor="end" dy="0.8em">{yLabel}</text>
        : <text className={`yl ${labelClass}`} transform={`translate(${yLabelAt},${height / 2}) rotate(-90)`} textAnchor="middle">{yLabel}</text>)}
    </>
  );
}
