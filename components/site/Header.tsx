import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import HeaderNav from "./HeaderNav";
import LanguageSwitcher from "./LanguageSwitcher";
import SignOutButton from "./SignOutButton";

/** The signed-in user, read by the layout (app/layout.tsx): the UI does not read the session itself. */
export interface HeaderUser { name: string; role: string }

export default async function Header({ user }: { user?: HeaderUser }) {
  const t = await getTranslations("nav");
  const progress = await getTranslations("progress");
  return (
    <header className="header">
      <Link href="/" className="brand">
        {t("brand")}
      </Link>
      <HeaderNav label={t("main")}>
        <Link href="/practice">{t("practice")}</Link>
        {/* Help in the same place on every page, the script-free ones too (app/lite/html.ts). */}
        <Link href="/help">{t("help")}</Link>
        {user?.role === "INSTRUCTOR" && <Link href="/classes">{t("classes")}</Link>}
        {user?.role === "INSTRUCTOR" && <Link href="/lessons">{t("lessons")}</Link>}
        {user?.role === "STUDENT" && <Link href="/student">{t("myClass")}</Link>}
        {user?.role === "STUDENT" && <Link href="/student/progress">{progress("title")}</Link>}
        {user ? (
          <>
            <span className="muted" data-testid="signed-in-as">
              {t("signedInAs", { name: user.name })}
            </span>
            <SignOutButton />
          </>
        ) : (
          <Link href="/signin">{t("instructorSignIn")}</Link>
        )}
        <LanguageSwitcher current={await getLocale()} />
      </HeaderNav>
    </header>
  );
}
