"use client";
import { memo, useLayoutEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { Store } from "@/lib/util/store";
import type { NetReadout } from "./useNetRun";

/** Each readout's number box, in characters (monospace): epoch 3000, 100%, loss 0.6931, gradient 1.2e-10. */
const WIDTH = [4, 4, 6, 7];
/** A readout's words split around its number (the words carry no digit), or all of it before an empty box when the number does not fit. */
function split(text: string, k: number): string[] {
  const m = /\d[\d.,e+−-]*%?|NaN/.exec(text);
  return m && m[0].length <= WIDTH[k] ? [text.slice(0, m.index), m[0], text.slice(m.index + m[0].length)] : [text, "", ""];
}

/**
 * Epoch, accuracy, loss and hidden gradient of the run. They change every frame while it trains:
 * written straight to the DOM from the run's store (useNetRun), without a React render, and only
 * the number: it sits in a box of a fixed width (`.tr-num`, CSS containment), so a new number is
 * laid out and painted alone, not the page around it. An empty readout hides (loss and gradient
 * before the first epoch). Each text is its span's only child, as React writes it too.
 */
function NetReadouts({ readout }: { readout: Store<NetReadout> }) {
  const t = useTranslations("trainer");
  const list = useRef<HTMLUListElement>(null);
  const texts = ({ epoch, accuracy, loss, grad }: NetReadout) => [
    t("readout.epoch", { value: epoch }),
    t("net.accuracy", { value: accuracy }),
    loss === undefined ? "" : t("net.loss", { value: loss.toFixed(4) }),
    grad === undefined ? "" : t("net.hiddenGradient", { value: grad === 0 ? "0" : grad.toExponential(1) }),
  ];
  const first = texts(readout.get());
  useLayoutEffect(() => {
    const write = () => texts(readout.get()).forEach((text, k) => {
      const li = list.current?.children[k] as HTMLElement | undefined;
      if (!li) return;
      if (li.hidden !== !text) li.hidden = !text;
      split(text, k).forEach((v, j) => {
        const span = li.children[j];
        const node = span?.firstChild;
        if (node) { if (node.nodeValue !== v) node.nodeValue = v; } else if (span && v) span.textContent = v;
      });
    });
    write();
    return readout.subscribe(write);
  });
  return (
    <ul ref={list} className="tr-stats tr-live" aria-live="off">
      {first.map((text, k) => {
        const [before, num, after] = split(text, k);
        return (
          <li key={k} data-testid={["net-epoch", "net-accuracy", undefined, "net-hidden-gradient"][k]} hidden={!text}>
            <span>{before}</span><span className="tr-num" style={{ width: `${WIDTH[k]}ch` }}>{num}</span><span>{after}</span>
          </li>
        );
      })}
    </ul>
  );
}

export default memo(NetReadouts);
