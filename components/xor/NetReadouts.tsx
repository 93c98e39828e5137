"use client";
import { memo, useLayoutEffect, useMemo, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Store } from "@/lib/util/store";
import type { NetReadout } from "./useNetRun";

/** What a readout's words are made of: the words before the number, the number, the words after. */
type Parts = [string, string, string];
/** Each readout's number box, in characters (monospace): epoch 3000, 100%, loss 0.6931, gradient 1.2e-10. */
const WIDTH = [4, 4, 6, 7];
/** `text` (a message with the number in it) split around `value`; all of it before the box when the number is not found or is wider than the box. */
function split(text: string, value: string, width: number): Parts {
  const at = text.lastIndexOf(value);
  return value && at >= 0 && value.length <= width ? [text.slice(0, at), value, text.slice(at + value.length)] : [text, "", ""];
}

/**
 * Epoch, accuracy, loss and hidden gradient of the run. They change every frame while it trains:
 * written straight to the DOM from the run's store (useNetRun), without a React render, and only
 * the number: it sits in a box of a fixed width (`.tr-num`, CSS containment), so a new number is
 * laid out and painted alone, not the page around it. An empty readout hides (loss and gradient
 * before the first epoch).
 */
function NetReadouts({ readout }: { readout: Store<NetReadout> }) {
  const t = useTranslations("trainer");
  const list = useRef<HTMLUListElement>(null);
  const locale = useLocale();
  const pct = useMemo(() => new Intl.NumberFormat(locale, { style: "percent" }), [locale]);
  const parts = (r: NetReadout): (Parts | null)[] => {
    const grad = r.grad === undefined ? "" : r.grad === 0 ? "0" : r.grad.toExponential(1);
    const loss = r.loss?.toFixed(4) ?? "";
    return [
      split(t("readout.epoch", { value: r.epoch }), String(r.epoch), WIDTH[0]),
      split(t("net.accuracy", { value: r.accuracy }), pct.format(r.accuracy), WIDTH[1]),
      r.loss === undefined ? null : split(t("net.loss", { value: loss }), loss, WIDTH[2]),
      r.grad === undefined ? null : split(t("net.hiddenGradient", { value: grad }), grad, WIDTH[3]),
    ];
  };
  const first = parts(readout.get());
  useLayoutEffect(() => {
    const write = () => {
      const now = parts(readout.get());
      list.current?.querySelectorAll("li").forEach((li, i) => {
        const p = now[i];
        if (li.hidden !== !p) li.hidden = !p;
        // each text is its span's only child, as React writes it too (the words change with the language, the number every frame)
        for (let k = 0; k < 3; k++) {
          const span = li.children[k];
          const v = p?.[k] ?? "";
          const text = span?.firstChild;
          if (text) { if (text.nodeValue !== v) text.nodeValue = v; } else if (span && v) span.textContent = v;
        }
      });
    };
    write();
    return readout.subscribe(write);
  });
  const item = (k: number, testId?: string) => (
    <li data-testid={testId} hidden={!first[k]}>
      <span>{first[k]?.[0] ?? ""}</span><span className="tr-num" style={{ width: `${WIDTH[k]}ch` }}>{first[k]?.[1] ?? ""}</span><span>{first[k]?.[2] ?? ""}</span>
    </li>
  );
  return (
    <ul ref={list} className="tr-stats tr-live" aria-live="off">
      {item(0, "net-epoch")}
      {item(1, "net-accuracy")}
      {item(2)}
      {item(3, "net-hidden-gradient")}
    </ul>
  );
}

export default memo(NetReadouts);
