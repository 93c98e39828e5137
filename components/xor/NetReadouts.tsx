"use client";
import { memo, useLayoutEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { Store } from "@/lib/util/store";
import type { NetReadout } from "./useNetRun";

/**
 * Epoch, accuracy, loss and hidden gradient of the run. They change every frame while it trains:
 * written straight to the DOM from the run's store (useNetRun), without a React render. A text
 * is the li's only child, so a render of React's own (the language) writes the same way; an
 * empty one hides its li (loss and gradient before the first epoch).
 */
function NetReadouts({ readout }: { readout: Store<NetReadout> }) {
  const t = useTranslations("trainer");
  const list = useRef<HTMLUListElement>(null);
  const texts = (r: NetReadout) => [
    t("readout.epoch", { value: r.epoch }),
    t("net.accuracy", { value: r.accuracy }),
    r.loss === undefined ? "" : t("net.loss", { value: r.loss.toFixed(4) }),
    r.grad === undefined ? "" : t("net.hiddenGradient", { value: r.grad === 0 ? "0" : r.grad.toExponential(1) }),
  ];
  const first = texts(readout.get());
  useLayoutEffect(() => {
    const write = () => {
      const now = texts(readout.get());
      list.current?.querySelectorAll("li").forEach((li, i) => {
        if (li.textContent !== now[i]) li.textContent = now[i];
        if (li.hidden !== !now[i]) li.hidden = !now[i];
      });
    };
    write();
    return readout.subscribe(write);
  });
  return (
    <ul ref={list} className="tr-stats tr-live" aria-live="off">
      <li data-testid="net-epoch">{first[0]}</li>
      <li data-testid="net-accuracy">{first[1]}</li>
      <li hidden={!first[2]}>{first[2]}</li>
      <li data-testid="net-hidden-gradient" hidden={!first[3]}>{first[3]}</li>
    </ul>
  );
}

export default memo(NetReadouts);
