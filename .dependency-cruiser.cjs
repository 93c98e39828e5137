/**
 * The house's layer rules, checked by `npm test` (scripts/test.mjs runs `depcruise`).
 *
 *   app/         pages and route handlers: may import everything below
 *   components/  UI: may import lib/, never server/ (a client bundle must not pull in I/O code)
 *   server/      hub, auth, persistence: may import lib/, never components/ or app/
 *   lib/         pure domain and math: imports nothing of server/, components/ or app/
 *
 * And no import circles anywhere: a file that was split puts the shared type in the lower file.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Two modules that import each other (directly or through others). Put what both need in the lower one.",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-is-pure",
      severity: "error",
      comment: "lib/ is pure domain and math: it never imports the server, the UI or the routes.",
      from: { path: "^lib/" },
      to: { path: "^(server|components|app)/" },
    },
    {
      name: "components-never-import-server",
      severity: "error",
      comment: "components/ is UI: it reads what it needs from props or lib/, never from server/.",
      from: { path: "^components/" },
      to: { path: "^server/" },
    },
    {
      name: "server-never-imports-ui",
      severity: "error",
      comment: "server/ does not import the UI or the routes.",
      from: { path: "^server/" },
      to: { path: "^(components|app)/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing.",
      from: {},
      to: { couldNotResolve: true, dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|generated|\\.next)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
