"use client";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ACTIVATIONS, applyToArray, curve, seedXs, type Activation, type ActivationId, type ActivationParams, type ChoiceId } from "@/lib/nn/activations";
import { activatedImageBytes, histogram, imagePanels, LESSON_SAMPLING, outputAxis, spreadSamples, type Bin, type SampleSettings } from "@/lib/explorer/samples";
import type { RgbaImage } from "@/lib/explorer/images";
import { flattenedCount } from "@/lib/a11y/chart-text/histogram";
import { valueDomain } from "./ActivationChart";
import { useExplorerTexts } from "./useExplorerTexts";
import { benchMark } from "../forms/benchMark";
import FunctionPlot from "./FunctionPlot";
import HistogramPlot from "./HistogramPlot";
import ImagePanel from "./ImagePanel";

interface Props {
  activation: ChoiceId;
  /** The activation to draw when it is not a built-in one (a formula); null while it is being built. */
  act?: Activation | null;
  /** Its name, for a formula. */
  label?: string;
  params: ActivationParams;
  /** null until the picture exists (it is drawn in the browser only). */
  image: RgbaImage | null;
  imageName: string;
  /** Seed of the 1,000 random samples. */
  seed: number;
  /** Distribution, spread, and whether the "after" axis is the function's range (lib/explorer/samples). */
  sampling?: SampleSettings;
}

interface View {
  activation: ChoiceId;
  y: Float64Array;
  dy: Float64Array;
  bins: Bin[];
  /** Samples the activation flattens (slope below 0.01), for the text alternative. */
  flattened: number;
  image: RgbaImage | null;
  grayBytes: Uint8ClampedArray | null;
  activatedBytes: Uint8ClampedArray | null;
}

type PanelKey = "function" | "derivative" | "samples" | "activated" | "image" | "activatedImage";

const BLUE = "var(--blue)";
/** Where the audio trace ticks: the function crossing 0 or 0.5 (a step's threshold, sigmoid's middle); the slope crossing 0. */
const FN_LEVELS = [0, 0.5];
const DER_LEVELS = [0];
const ORANGE = "var(--orange)";

/**
 * The lesson's six panels. An input change is recomputed with typed arrays in
 * the commit it causes (a layout effect) and drawn before the browser paints
 * again, so all six panels move together in the frame after the input (not one
 * frame later, as when the work waited for an animation frame).
 */
export default function ActivationPanels({ activation, act: given, label, params, image, imageName, seed, sampling = LESSON_SAMPLING }: Props) {
  const t = useTranslations("explorer");
  const format = useFormatter();
  const xs = useMemo(seedXs, []);
  const { distribution, spread, fixedAxis } = sampling;
  const samples = useMemo(() => spreadSamples(seed, { distribution, spread }), [seed, distribution, spread]);
  const sampleBins = useMemo(() => histogram(samples, 100), [samples]);
  const [view, setView] = useState<View | null>(null);
  const last = useRef<View | null>(null); // the view drawn last (the effect below reads it)

  useLayoutEffect(() => {
    const act = given === undefined ? ACTIVATIONS[activation as ActivationId] : given;
    if (!act) return;
    benchMark("act:start"); // bench/frames.ts: the work of one input
    const { y, dy } = curve(act, params, xs);
    const bins = histogram(applyToArray(act, params, samples), 100, fixedAxis ? outputAxis(act, params, samples) : undefined);
    // the picture before the activation only changes with the picture: keep its bytes (no redraw, no work)
    const same = last.current?.image === image && last.current?.grayBytes ? last.current.grayBytes : null;
    const img = !image ? null
      : same ? { grayBytes: same, activatedBytes: activatedImageBytes(act, params, image.data, image.width, image.height) }
      : imagePanels(act, params, image.data, image.width, image.height);
    // an update from a layout effect is rendered and committed before the next paint
    setView({ activation, y, dy, bins, flattened: flattenedCount(act, params, samples), image, grayBytes: img?.grayBytes ?? null, activatedBytes: img?.activatedBytes ?? null });
  }, [activation, given, params, image, samples, xs, fixedAxis]);
  // the panels have committed (and drawn their canvases in their own layout effects) with this view
  useLayoutEffect(() => {
    last.current = view;
    if (view) benchMark("act:drawn");
  }, [view]);

  const n = (v: number) => format.number(v, { maximumFractionDigits: 2 });
  const range = (values: ArrayLike<number>) => { const [min, max] = valueDomain(values); return { min: n(min), max: n(max) }; };
  const binRange = (b: Bin[]) => ({ min: n(b[0].x0), max: n(b[b.length - 1].x1) });
  const name = !view ? "" : view.activation in ACTIVATIONS ? t(`names.${view.activation as ActivationId}`) : label ?? "";
  const texts = useExplorerTexts(useMemo(() => view && {
    xs, y: view.y, dy: view.dy, sampleBins, bins: view.bins, flattened: view.flattened, grayBytes: view.grayBytes, activatedBytes: view.activatedBytes,
    width: view.image?.width ?? 0, height: view.image?.height ?? 0, name, imageName,
  }, [view, xs, sampleBins, name, imageName]));
  const placeholder = (key: PanelKey) => (
    <figure key={key} className="act-panel">
      <figcaption className="act-panel-title">{t(`panels.${key}`)}</figcaption>
      <div className="act-placeholder muted">{t("panels.loading")}</div>
    </figure>
  );

  return (
    <div className="act-panels" data-testid="panels" data-activation={view?.activation}>
      {view ? (
        <>
          <FunctionPlot testId="function-panel" title={t("panels.function")} ariaLabel={t("aria.function", { name, ...range(view.y) })} text={texts?.function} trace={FN_LEVELS}
            x={xs} y={view.y} xLabel={t("axes.x")} yLabel={t("axes.fx")} color={BLUE} />
          <FunctionPlot testId="derivative-panel" title={t("panels.derivative")} ariaLabel={t("aria.derivative", { name, ...range(view.dy) })} text={texts?.derivative} trace={DER_LEVELS}
            x={xs} y={view.dy} xLabel={t("axes.x")} yLabel={t("axes.dfx")} color={ORANGE} includeZero />
          <HistogramPlot testId="samples-panel" title={t("panels.samples")} ariaLabel={t("aria.samples", binRange(sampleBins))} text={texts?.samples}
            bins={sampleBins} xLabel={t("axes.value")} yLabel={t("axes.count")} color={BLUE} />
          <HistogramPlot testId="activated-panel" title={t("panels.activated")} ariaLabel={t("aria.activated", { name, ...binRange(view.bins) })} text={texts?.activated}
            bins={view.bins} xLabel={t("axes.value")} yLabel={t("axes.count")} color={ORANGE} />
        </>
      ) : (
        (["function", "derivative", "samples", "activated"] as const).map(placeholder)
      )}
      {view?.image && view.grayBytes && view.activatedBytes ? (
        <>
          <ImagePanel testId="image-panel" title={t("panels.image")} width={view.image.width} height={view.image.height} bytes={view.grayBytes} text={texts?.image}
            ariaLabel={t("aria.image", { image: imageName, width: view.image.width, height: view.image.height })} axisLabel={t("axes.px")} />
          <ImagePanel testId="activated-image-panel" title={t("panels.activatedImage")} width={view.image.width} height={view.image.height}
            bytes={view.activatedBytes} text={texts?.activatedImage} axisLabel={t("axes.px")}
            ariaLabel={t("aria.activatedImage", { image: imageName, name, width: view.image.width, height: view.image.height })} />
        </>
      ) : (
        (["image", "activatedImage"] as const).map(placeholder)
      )}
    </div>
  );
}
