"use client";
import { useId, type CSSProperties, type ReactNode, type Ref } from "react";
import ChartText, { type ChartDescription } from "../a11y/ChartText";

/** What a chart is told by its page: its title, its test id, its name for a screen reader, its words. */
export interface ChartProps {
  title: string;
  testId?: string;
  /** What a screen reader hears instead of the picture. */
  ariaLabel: string;
  /** The summary and data table under the chart (lib/a11y/chart-text). */
  text?: ChartDescription;
}

/** Room around a chart's plot area, in viewBox units (top, right, bottom, left). */
export interface Margin { t: number; r: number; b: number; l: number }

interface FigureProps {
  title: ReactNode;
  testId?: string;
  /** The figure's class: "tr-chart" (trainer, board, dashboard) unless told. */
  className?: string;
  captionClassName?: string;
  /** Other attributes of the figure (data-*). */
  figureProps?: Record<string, string | number | undefined>;
  /** The summary and data table under the picture (lib/a11y/chart-text), id `textId`. */
  text?: ChartDescription;
  textId?: string;
  /** Between the caption and the picture (a headline, an empty-state note). */
  before?: ReactNode;
  /** Between the picture and the chart's words (a legend, a note). */
  legend?: ReactNode;
  /** After the chart's words (an audio trace, a note). */
  after?: ReactNode;
  children: ReactNode;
}

/** The figure every chart sits in: the caption, the picture, what it shows in words (ChartText). */
export function ChartFigure({ title, testId, className = "tr-chart", captionClassName, figureProps, text, textId, before, legend, after, children }: FigureProps) {
  return (
    <figure className={className} data-testid={testId} {...figureProps}>
      <figcaption className={captionClassName}>{title}</figcaption>
      {before}
      {children}
      {legend}
      {text && textId && <ChartText id={textId} {...text} />}
      {after}
    </figure>
  );
}

interface PlotSvgProps {
  /** The plot area's size; the viewBox adds the margins around it. */
  width: number;
  height: number;
  margin: Margin;
  svgRef?: Ref<SVGSVGElement>;
  className?: string;
  /** The plot group's class ("plot" and these). */
  plotClassName?: string;
  role?: "img";
  "aria-label"?: string;
  "aria-describedby"?: string;
  "aria-hidden"?: boolean;
  /** Drawn in the plot area: (0, 0) is its top left corner. */
  children?: ReactNode;
}

/** An svg of a plot area and its margins, with the g.plot group where the chart draws (a layer of a chart, or ChartFrame's picture). */
export function PlotSvg({ width, height, margin: m, svgRef, className, plotClassName, children, ...aria }: PlotSvgProps) {
  return (
    <svg ref={svgRef} viewBox={`0 0 ${m.l + width + m.r} ${m.t + height + m.b}`} className={className} {...aria}>
      <g className={plotClassName ? `plot ${plotClassName}` : "plot"} transform={`translate(${m.l},${m.t})`}>
        {children}
      </g>
    </svg>
  );
}

/** The empty groups a chart's D3 code draws into, in paint order (the first lies under the rest). */
export function Layers({ names }: { names: readonly string[] }) {
  return <>{names.map((n) => <g key={n} className={n} />)}</>;
}

/** Where the plot area lies in its svg, as CSS: a canvas laid over the plot (a heatmap, a density). */
export function plotAreaStyle(width: number, height: number, m: Margin): CSSProperties {
  const vw = m.l + width + m.r;
  const vh = m.t + height + m.b;
  return { left: `${(100 * m.l) / vw}%`, top: `${(100 * m.t) / vh}%`, width: `${(100 * width) / vw}%`, height: `${(100 * height) / vh}%` };
}

interface FrameProps extends Omit<FigureProps, "textId" | "children"> {
  width: number;
  height: number;
  margin: Margin;
  /** What a screen reader hears instead of the picture (the svg's aria-label). */
  ariaLabel: string;
  svgRef?: Ref<SVGSVGElement>;
  svgClassName?: string;
  plotClassName?: string;
  /** false: the figure without its svg (a chart with nothing to draw yet). */
  show?: boolean;
  /** Drawn in the plot area: (0, 0) is its top left corner. */
  children?: ReactNode;
}

/**
 * One chart: a titled figure holding an svg (role img, named by `ariaLabel`, described by the
 * chart's sentence when it has one) of the plot area plus margins, with a `g.plot` group moved to
 * the plot area's corner where the chart draws (with Axes and useAxes for the axes).
 */
export default function ChartFrame({ width, height, margin, ariaLabel, svgRef, svgClassName, plotClassName, show = true, children, ...figure }: FrameProps) {
  const textId = useId();
  return (
    <ChartFigure {...figure} text={show ? figure.text : undefined} textId={textId}>
      {show && (
        <PlotSvg width={width} height={height} margin={margin} svgRef={svgRef} className={svgClassName} plotClassName={plotClassName}
          role="img" aria-label={ariaLabel} aria-describedby={figure.text ? textId : undefined}>
          {children}
        </PlotSvg>
      )}
    </ChartFigure>
  );
}
