"use client";
import { useState, type RefObject } from "react";
import { useTranslations } from "next-intl";

interface Props {
  /** The element holding the figures (each a <figure> with an <svg> or a <canvas>). */
  target: RefObject<HTMLElement | null>;
  /** File name without extension. */
  name: string;
  /** What the figure is, for the buttons' labels. */
  label: string;
}

/** Buttons: the figure(s) in `target` as one SVG or PNG file, made in the browser. */
export default function DownloadFigure({ target, name, label }: Props) {
  const t = useTranslations("runExport");
  const [which, setWhich] = useState(-1);
  const [figures, setFigures] = useState<string[]>([]);
  const pick = () => {
    const root = target.current;
    if (!root) return null;
    if (which < 0) return root;
    return root.querySelectorAll<HTMLElement>("figure")[which] ?? root;
  };
  const list = () => setFigures(Array.from(target.current?.querySelectorAll("figure") ?? []).map((f, i) => f.querySelector("figcaption, h3, .act-panel-title")?.textContent ?? String(i + 1)));
  async function save(kind: "svg" | "png") {
    const root = pick();
    if (!root) return;
    // The export code loads on the first press, not with the page.
    const { composeSvg, saveBlob, svgToPng } = await import("./figureExport");
    const { svg, width, height } = composeSvg(root, which < 0 ? 2 : 1);
    if (kind === "svg") saveBlob(new Blob([svg], { type: "image/svg+xml" }), `${name}.svg`);
    else saveBlob(await svgToPng(svg, width, height), `${name}.png`);
  }
  return (
    <div className="download-bar" role="group" aria-label={t("figure", { name: label })}>
      <span className="muted">{t("title")}:</span>
      <select aria-label={t("figure", { name: label })} value={which} onFocus={list} onChange={(e) => setWhich(Number(e.target.value))} data-testid={`figure-pick-${name}`}>
        <option value={-1}>{label}</option>
        {figures.map((f, i) => <option key={i} value={i}>{f}</option>)}
      </select>
      <button type="button" className="secondary" onClick={() => save("svg")} data-testid={`download-svg-${name}`}>{t("svg")}</button>
      <button type="button" className="secondary" onClick={() => save("png")} data-testid={`download-png-${name}`}>{t("png")}</button>
    </div>
  );
}
