import tseslint from "typescript-eslint";

// Layers (../shared/DESIGN.md §1-§2): core <- models <- iam, network <- rules <- adapters <- fronts.
// A layer never imports one above it; only fetchers call AWS; nothing but tests imports test/.
const providers = [
  { group: ["@pulumi/*"], message: "Pure layer: build models in src/adapters, not here." },
  { group: ["@aws-sdk/*"], message: "Pure layer: only src/fetchers calls AWS." },
];
const fronts = [
  {
    group: ["**/adapters", "**/adapters/**", "**/pulumi", "**/pulumi/**", "**/fetchers/**", "**/scanner/**", "**/cli/**", "**/reports/**", "**/engine-client/**"],
    message: "Rules, models and their libraries never import adapters or fronts: they feed them.",
  },
];
const rules = [{ group: ["**/rules", "**/rules/**"], message: "Models and libraries never import rules." }];
const tests = [{ group: ["**/test/**", "**/test"], message: "Only tests import test/." }];
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns: patterns.flat() }] });

export default tseslint.config(
  { ignores: ["dist/**", "dist-bench/**", "node_modules/**", ".venv/**", "test/e2e/fixtures/**/node_modules/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/**/*.ts", "packs/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts"], rules: restrict(tests) },
  // Only fetchers call AWS; AWS adapters may name the SDK's answer shapes (type imports) but never call it.
  {
    files: ["src/adapters/**/*.ts", "src/scanner/**/*.ts", "src/reports/**/*.ts", "src/cli/**/*.ts", "src/pulumi/**/*.ts", "packs/**/*.ts"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@aws-sdk/*", "@smithy/*"], message: "Only src/fetchers calls AWS.", allowTypeImports: true },
            ...tests,
          ],
        },
      ],
    },
  },
  { files: ["src/rules/**/*.ts"], rules: restrict(providers, fronts, tests) },
  // The data inventory and access map read models and rule verdicts; fronts and reports feed and render it.
  { files: ["src/access/**/*.ts"], rules: restrict(providers, fronts, tests) },
  { files: ["src/models/**/*.ts", "src/iam/**/*.ts", "src/network/**/*.ts", "src/encryption/**/*.ts", "src/hygiene/**/*.ts"], rules: restrict(providers, fronts, rules, tests) },
  {
    files: ["src/core/**/*.ts"],
    rules: restrict(providers, tests, [{ group: ["../*", "../**"], message: "src/core imports nothing above it." }]),
  },
  { files: ["**/*.js", "**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
);
