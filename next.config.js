// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

// The messages (messages/<locale>/*.json) are compiled at build time (next-intl 4's `precompile`, with its
// icu-minify format): the browser gets the compiled messages and a small formatter instead of the ICU
// message parser (intl-messageformat and @formatjs, 12 KB gzip on every page; docs/performance.md).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: ["en", "ko"], precompile: true } },
});

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
    // Turbopack keeps its build cache on disk: rebuilds are fast.
    turbopackFileSystemCacheForBuild: process.env.NEURONLAB_SMALL_BUILD !== "1",
    // A small machine (server/build.ts decides: under 2 GB of memory, a container's limit included,
    // or NEURONLAB_SMALL_BUILD=1) builds with webpack (`next build --webpack`), which keeps within a
    // 1 GB server where Turbopack was killed for lack of memory: webpack's memory optimizations,
    // and one worker for the pages (docs/performance.md).
    ...(process.env.NEURONLAB_SMALL_BUILD === "1" && { webpackMemoryOptimizations: true, cpus: 1 }),
  },
  // `npm start` builds without the type check (server/build.ts sets NEURONLAB_BUILD_NO_TYPECHECK):
  // beside the build it would hold about 850 MB more, too much for a 1 GB server, and it proves
  // nothing there. `npm test` and CI run `tsc --noEmit` on their own; `npm run build` still checks.
  typescript: { ignoreBuildErrors: process.env.NEURONLAB_BUILD_NO_TYPECHECK === "1" },
};

module.exports = withNextIntl(nextConfig);
