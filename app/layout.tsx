import type { Metadata, Viewport } from "next";
import { getServerSession } from "next-auth";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import Header from "@/components/site/Header";
import LiveAnnouncer from "@/components/a11y/LiveAnnouncer";
import ZodJitless from "@/components/forms/ZodJitless";
import { authOptions } from "@/server/auth/auth";
import "./globals.css";
import "./screens.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("name"), description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const session = await getServerSession(authOptions);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <ZodJitless />
          <Header user={session?.user} />
          <main className="page">{children}</main>
          <LiveAnnouncer />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
