"use client";
import { memo } from "react";
import { useTranslations } from "next-intl";
import { layersOf, type MlpNet } from "@/lib/nn/mlp";
import { fmtWeight } from "./XorNetNotes";

const SUB = ["₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈"];

/** Every unit's weights and bias, under a disclosure (written out again only when the net changes). */
function XorNetWeights({ net }: { net: MlpNet }) {
  const t = useTranslations("trainer");
  const layers = layersOf(net);
  return (
    <details>
      <summary>{t("net.weights")}</summary>
      <p className="tr-stats muted tr-net-weights" data-testid="net-weights">
        {layers.flatMap((layer, l) => layer.map((u, j) => (
          <span key={`${l}-${j}`}>
            {l === layers.length - 1 ? t("net.unit.out") : t(l === 0 ? "net.unitName" : "net.unitName2", { unit: j + 1 })}: {u.w.map((w, i) => `w${SUB[i]} ${fmtWeight(w)}`).join(", ")}, b {fmtWeight(u.b)}
          </span>
        )))}
      </p>
    </details>
  );
}

export default memo(XorNetWeights);
