"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** Links between a class's instructor pages; the current one is marked for screen readers too. */
export default function ClassNav({ classId }: { classId: string }) {
  const t = useTranslations("dashboard.links");
  const path = usePathname();
  const links = [
    [`/classes/${classId}`, t("backToClass")],
    [`/classes/${classId}/dashboard`, t("dashboard")],
    [`/classes/${classId}/history`, t("history")],
    [`/classes/${classId}/homework`, t("homework")],
    [`/classes/${classId}/settings`, t("settings")],
  ] as const;
  return (
    <nav className="dash-nav" aria-label={t("dashboard")}>
      {links.map(([href, label]) => (
        <Link key={href} href={href} aria-current={path === href ? "page" : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
