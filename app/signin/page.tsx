import { getTranslations } from "next-intl/server";
import SignInForm from "@/components/site/SignInForm";

export default async function SignInPage() {
  const t = await getTranslations("signIn");
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <SignInForm />
    </div>
  );
}
