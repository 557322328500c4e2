// The layout of ARCHITECTURE.md: app/, workers/, cli/ -> lib/ -> db/; browser code never
// reaches the database or server-only modules.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-is-framework-free",
      comment: "lib/ holds the domain: it never imports routes, pages, components, workers or the CLI",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components|workers|cli)/" },
    },
    {
      name: "db-is-the-bottom",
      comment: "db/ (schema, migrations, embedded database) depends on nothing above it; its test helpers may",
      severity: "error",
      from: { path: "^db/", pathNot: "^db/test/" },
      to: { path: "^(lib|app|components|workers|cli)/" },
    },
    {
      name: "workers-stay-out-of-the-web",
      severity: "error",
      from: { path: "^workers/" },
      to: { path: "^(app|components|cli)/" },
    },
    {
      name: "browser-code-stays-off-the-server",
      comment: "components run in the browser: no database, no lib/**/server",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^(db/|lib/.+/server/|workers/|cli/)" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|\\.atlas[^/]*)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
