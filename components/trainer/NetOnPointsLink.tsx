"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { writePoints, type LabelledPoint } from "@/lib/nn/custom-points";

/**
 * After one perceptron, the network on the same points: the practice XOR page's network opened on
 * them (sigmoid, 4 units). In a live session or homework it opens in a new tab, so nothing is left.
 */
export default function NetOnPointsLink({ points, newTab }: { points: LabelledPoint[]; newTab?: boolean }) {
  const t = useTranslations("trainer.points");
  // the practice link's keys (lib/practice/practice-schemas.ts), written here without the link's whole table, which the trainer's bundle does not need
  const href = `/practice/xor?net=sigmoid&netwidth=4&pts=${writePoints(points)}#xor-net`;
  return (
    <p>
      <Link href={href} data-testid="points-to-net" {...(newTab && { target: "_blank", rel: "noopener" })}>
        {t("toNet")}{newTab && " ↗"}
      </Link>
    </p>
  );
}
