import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import Header from "@/components/Header";
import LiveAnnouncer from "@/components/LiveAnnouncer";
import ZodJitless from "@/components/ZodJitless";
import "./globals.css";
import "./screens.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("name"), description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <ZodJitless />
          <Header />
          <main className="page">{children}</main>
          <LiveAnnouncer />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
