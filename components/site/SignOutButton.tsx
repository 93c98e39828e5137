"use client";
import { signOutTo } from "./authClient";
import { useTranslations } from "next-intl";

export default function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" className="secondary" onClick={() => void signOutTo("/")}>
      {t("signOut")}
    </button>
  );
}
