import { useCallback, useRef } from "react";
import { select, type Selection } from "d3-selection";

/** An axis generator (d3-axis' axisBottom / axisLeft, set up by the chart). */
export type AxisDraw = (g: Selection<SVGGElement, unknown, null, undefined>) => void;
/** One axis to draw: `key` (its domain, ticks, names) skips the drawing while it is unchanged. */
export interface AxisSpec { axis: AxisDraw; key?: string }

/**
 * Draws a chart's axes into its ChartFrame (g.plot's g.x and g.y, from Axes). An axis with a key
 * is redrawn only when the key changes (a training page draws its charts every frame); one without
 * is drawn every time. Returns which axes were drawn.
 */
export function useAxes(): (svg: SVGSVGElement | null, x?: AxisSpec | null, y?: AxisSpec | null) => { x: boolean; y: boolean } {
  const drawn = useRef<{ x?: string; y?: string }>({});
  return useCallback((svg, x, y) => {
    const plot = select(svg).select<SVGGElement>("g.plot");
    const one = (name: "x" | "y", spec?: AxisSpec | null) => {
      if (!spec || (spec.key !== undefined && drawn.current[name] === spec.key)) return false;
      drawn.current[name] = spec.key;
      spec.axis(plot.select<SVGGElement>(`g.${name}`) as unknown as Selection<SVGGElement, unknown, null, undefined>);
      return true;
    };
    return { x: one("x", x), y: one("y", y) };
  }, []);
}
