/**
 * What each practice page shows, to and from its URL state (lib/practice/practice-params.ts). The pages
 * start from `...FromParams(readParams(url).state)` and write `...ToParams(what they show)`, so a
 * link reproduces the exact view or run; these pairs are what the round-trip property tests.
 */
import { CUSTOM_KEYS, type ActivationParams, type ChoiceId } from "../nn/activations";
import type { BundledImageId } from "../explorer/images";
import type { PracticeState } from "./practice-search";
import { LESSON_SAMPLING, type SampleSettings } from "../explorer/samples";
import type { HiddenActivation } from "../nn/mlp-net";
import type { LabelledPoint } from "../nn/custom-points";

/** The explorer's controls: function and its parameters, one's own formula, picture, samples. */
export interface ExplorerView {
  activation: ChoiceId;
  params: ActivationParams;
  own: { formula: string; params: Record<string, number> } | null;
  image: BundledImageId | "upload";
  sampling: SampleSettings;
  /** The samples' seed ("new samples" adds one). */
  seed: number;
}

export const EXPLORER_SEED = 1;

const isCustom = (id: string) => (CUSTOM_KEYS as readonly string[]).includes(id);

/** The explorer's starting view from a link; what the link does not say is left to the page's defaults. */
export function explorerFromParams(s: Partial<PracticeState>): Partial<ExplorerView> {
  const out: Partial<ExplorerView> = {};
  // a formula's key without its formula would draw nothing: the config's first activation instead
  if (s.activation && (s.formula || !isCustom(s.activation))) out.activation = s.activation;
  if (s.threshold !== undefined || s.alpha !== undefined) {
    out.params = { ...(s.threshold !== undefined && { threshold: s.threshold }), ...(s.alpha !== undefined && { alpha: s.alpha }) } as ActivationParams;
  }
  out.own = s.formula ? { formula: s.formula, params: s.fparams ?? {} } : null;
  if (s.image) out.image = s.image;
  if (s.dist !== undefined || s.spread !== undefined || s.axis !== undefined) {
    out.sampling = {
      distribution: s.dist ?? LESSON_SAMPLING.distribution,
      spread: s.spread ?? LESSON_SAMPLING.spread,
      fixedAxis: s.axis === undefined ? LESSON_SAMPLING.fixedAxis : s.axis === "fixed",
    };
  }
  if (s.seed !== undefined) out.seed = s.seed;
  return out;
}

/** The URL state of a view: everything needed to draw it again (an uploaded picture stays in the browser). */
export function explorerToParams(v: ExplorerView): Partial<PracticeState> {
  return {
    activation: v.activation,
    threshold: v.params.threshold,
    alpha: v.params.alpha,
    ...(v.own && { formula: v.own.formula, fparams: v.own.params }),
    ...(v.image !== "upload" && { image: v.image }),
    dist: v.sampling.distribution,
    spread: v.sampling.spread,
    axis: v.sampling.fixedAxis ? "fixed" : "fit",
    seed: v.seed,
  };
}

/** A trainer's run: gate (the gate page), rate, epochs, seed, and the initial weights when given. */
export interface TrainerRun { gate?: PracticeState["gate"]; lr?: number; epochs?: number; seed?: number; init?: { w: [number, number]; b: number }; points?: LabelledPoint[] }

export function runFromParams(s: Partial<PracticeState>): TrainerRun {
  return {
    ...(s.gate && { gate: s.gate }),
    ...(s.lr !== undefined && { lr: s.lr }),
    ...(s.epochs !== undefined && { epochs: s.epochs }),
    ...(s.seed !== undefined && { seed: s.seed }),
    ...(s.w1 !== undefined && s.w2 !== undefined && s.b !== undefined && { init: { w: [s.w1, s.w2], b: s.b } }),
    ...(s.pts && { points: s.pts }),
  };
}

export function runToParams(r: TrainerRun): Partial<PracticeState> {
  return {
    ...(r.gate && { gate: r.gate }),
    ...(r.lr !== undefined && { lr: r.lr }),
    ...(r.epochs !== undefined && { epochs: r.epochs }),
    ...(r.seed !== undefined && { seed: r.seed }),
    ...(r.init && { w1: r.init.w[0], w2: r.init.w[1], b: r.init.b }),
    ...(r.points && { pts: r.points }),
  };
}

/** The XOR page's network: shown or not, with its hidden activation, seed, units per layer, layers, initial scale and own points. */
export interface NetView { open: boolean; activation?: HiddenActivation; seed?: number; width?: number; layers?: number; initScale?: number; points?: LabelledPoint[] }

/** A link with the net's activation opens the net; its other settings alone say nothing (the panel stays shut). */
export function netFromParams(s: Partial<PracticeState>): NetView {
  if (!s.net) return { open: false };
  return {
    open: true, activation: s.net,
    ...(s.netseed !== undefined && { seed: s.netseed }),
    ...(s.netwidth !== undefined && { width: s.netwidth }),
    ...(s.netlayers !== undefined && { layers: s.netlayers }),
    ...(s.netscale !== undefined && { initScale: s.netscale }),
    ...(s.pts && { points: s.pts }),
  };
}

export function netToParams(v: NetView): Partial<PracticeState> {
  if (!v.open || !v.activation) return {};
  return {
    net: v.activation,
    ...(v.seed !== undefined && { netseed: v.seed }),
    ...(v.width !== undefined && { netwidth: v.width }),
    ...(v.layers !== undefined && { netlayers: v.layers }),
    ...(v.initScale !== undefined && { netscale: v.initScale }),
    ...(v.points && { pts: v.points }),
  };
}
