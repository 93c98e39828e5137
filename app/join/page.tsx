import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import JoinForm from "@/components/join/JoinForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("join");
  return { title: t("title") };
}

/** The join form alone: what the lobby's QR code and address open (/join?code=ABC234). */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  return (
    <div className="narrow">
      <div className="card">
        <JoinForm initialCode={typeof code === "string" ? code.trim().toUpperCase().slice(0, 12) : ""} />
      </div>
    </div>
  );
}
