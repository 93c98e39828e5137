// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  typedRoutes: false,
  experimental: {
    // Load a page's or route's code when it is first asked for, not every one of them at start: the
    // idle server holds less memory and starts on less CPU (measured in docs/performance.md).
    preloadEntriesOnStart: false,
  },
};

module.exports = withNextIntl(nextConfig);
