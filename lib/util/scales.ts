// Linear and log scales for the charts, computing what d3-scale's scaleLinear and scaleLog compute for
// what the charts ask of them (the mapping, clamp, ticks, tickFormat, nice; d3-axis reads range, copy,
// ticks and tickFormat), so a page with a chart does not download d3-scale: its one bundled file also
// brings d3-interpolate, d3-color, d3-time and d3-time-format (about 12 KB gzip, docs/performance.md).
// lib/util/scales.test.ts compares every figure with d3-scale's.
import { ticks, tickIncrement, tickStep } from "d3-array";
import { format, formatPrefix, formatSpecifier, precisionFixed, precisionPrefix, precisionRound } from "d3-format";

type Pair = [number, number];

interface Continuous<S> {
  (x: number): number;
  domain(): number[];
  domain(d: Iterable<number>): S;
  range(): number[];
  range(r: Iterable<number>): S;
  clamp(): boolean;
  clamp(on: boolean): S;
  copy(): S;
}

export interface LinearScale extends Continuous<LinearScale> {
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (n: number) => string;
  nice(count?: number): LinearScale;
}

export type LogScale = Continuous<LogScale>;

/** d3's normalize: where x lies between a and b, as a fraction (0.5 for an empty interval). */
function normalize(a: number, b: number): (x: number) => number {
  const span = b - a;
  if (span) return (x) => (x - a) / span;
  const mid = Number.isNaN(span) ? NaN : 0.5;
  return () => mid;
}

/** A two-point continuous scale through `transform` (identity or log), as d3-scale's bimap builds it. */
function continuous<S>(make: () => S & Continuous<S>, transform: (x: number) => number): S & Continuous<S> {
  let domain: Pair = [0, 1];
  let range: Pair = [0, 1];
  let clamped = false;
  const scale = ((x: number) => {
    if (x == null || Number.isNaN((x = +x))) return undefined as unknown as number;
    let [d0, d1] = [transform(domain[0]), transform(domain[1])];
    let [r0, r1] = range;
    if (d1 < d0) [d0, d1, r0, r1] = [d1, d0, r1, r0];
    if (clamped) x = Math.max(Math.min(domain[0], domain[1]), Math.min(Math.max(domain[0], domain[1]), x));
    const t = normalize(d0, d1)(transform(x));
    return r0 * (1 - t) + r1 * t;
  }) as S & Continuous<S>;
  const pair = (v: Iterable<number>): Pair => {
    const a = Array.from(v, Number);
    return [a[0], a[a.length - 1]];
  };
  scale.domain = ((d?: Iterable<number>) => (d === undefined ? [...domain] : ((domain = pair(d)), scale))) as Continuous<S>["domain"];
  scale.range = ((r?: Iterable<number>) => (r === undefined ? [...range] : ((range = pair(r)), scale))) as Continuous<S>["range"];
  scale.clamp = ((on?: boolean) => (on === undefined ? clamped : ((clamped = !!on), scale))) as Continuous<S>["clamp"];
  scale.copy = () => {
    const c = make();
    c.domain(domain);
    c.range(range);
    c.clamp(clamped);
    return c;
  };
  return scale;
}

/** d3-scale's tickFormat for a linear scale: the precision follows the tick step. */
function tickFormat(start: number, stop: number, count: number, spec?: string): (n: number) => string {
  const step = tickStep(start, stop, count);
  const s = formatSpecifier(spec ?? ",f");
  let precision: number;
  switch (s.type) {
    case "s": {
      const value = Math.max(Math.abs(start), Math.abs(stop));
      if (s.precision == null && !Number.isNaN((precision = precisionPrefix(step, value)))) s.precision = precision;
      return formatPrefix(String(s), value);
    }
    case "":
    case "e":
    case "g":
    case "p":
    case "r":
      if (s.precision == null && !Number.isNaN((precision = precisionRound(step, Math.max(Math.abs(start), Math.abs(stop)))))) {
        s.precision = precision - (s.type === "e" ? 1 : 0);
      }
      break;
    case "f":
    case "%":
      if (s.precision == null && !Number.isNaN((precision = precisionFixed(step)))) s.precision = precision - (s.type === "%" ? 2 : 0);
      break;
  }
  return format(String(s));
}

/** d3's scaleLinear, for what the charts use. */
export function scaleLinear(): LinearScale {
  const scale = continuous<LinearScale>(scaleLinear, (x) => x);
  scale.ticks = (count = 10) => {
    const [a, b] = scale.domain();
    return ticks(a, b, count);
  };
  scale.tickFormat = (count = 10, spec) => {
    const [a, b] = scale.domain();
    return tickFormat(a, b, count, spec);
  };
  scale.nice = (count = 10) => {
    const d = scale.domain();
    let [i0, i1] = [0, 1];
    let [start, stop] = d;
    if (stop < start) [start, stop, i0, i1] = [stop, start, 1, 0];
    let prestep: number | undefined;
    for (let iter = 0; iter < 10; iter++) {
      const step = tickIncrement(start, stop, count);
      if (step === prestep) {
        d[i0] = start;
        d[i1] = stop;
        return scale.domain(d);
      }
      if (step > 0) {
        start = Math.floor(start / step) * step;
        stop = Math.ceil(stop / step) * step;
      } else if (step < 0) {
        start = Math.ceil(start * step) / step;
        stop = Math.floor(stop * step) / step;
      } else break;
      prestep = step;
    }
    return scale;
  };
  return scale;
}

/** d3's scaleLog (base 10, a positive domain), for the mapping only: its axis gives its own ticks. */
export function scaleLog(): LogScale {
  return continuous<LogScale>(scaleLog, Math.log).domain([1, 10]);
}
