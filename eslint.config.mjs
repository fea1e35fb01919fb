import tseslint from "typescript-eslint";

const noProviderImports = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        { group: ["@pulumi/*"], message: "Rules and models are pure: build models in src/adapters, not here." },
        { group: ["@aws-sdk/*"], message: "Rules and models are pure: only src/fetchers calls AWS." },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".venv/**", "test/e2e/fixtures/**/node_modules/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/rules/**/*.ts", "src/models/**/*.ts", "src/core/**/*.ts", "src/iam/**/*.ts"], rules: noProviderImports },
  { files: ["**/*.js", "**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
);
