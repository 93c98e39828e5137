"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { LabelledPoint } from "@/lib/custom-points";
import { toSearch } from "@/lib/practice-search";
import { netToParams } from "@/lib/practice-state";

/**
 * After one perceptron, the network on the same points: the practice XOR page's network opened on
 * them (sigmoid, 4 units). In a live session or homework it opens in a new tab, so nothing is left.
 */
export default function NetOnPointsLink({ points, newTab }: { points: LabelledPoint[]; newTab?: boolean }) {
  const t = useTranslations("trainer.points");
  const href = `/practice/xor?${toSearch(netToParams({ open: true, activation: "sigmoid", width: 4, points }))}#xor-net`;
  return (
    <p>
      <Link href={href} data-testid="points-to-net" {...(newTab && { target: "_blank", rel: "noopener" })}>
        {t("toNet")}{newTab && " ↗"}
      </Link>
    </p>
  );
}
