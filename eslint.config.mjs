import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const unsafeRendering = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: "Render text, never raw HTML: user content must not become markup.",
};

const config = [
  { ignores: [".next/**", "generated/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "no-restricted-syntax": ["error", unsafeRendering],
      "no-restricted-properties": [
        "error",
        { property: "$queryRawUnsafe", message: "Use the $queryRaw tagged template: it binds parameters." },
        { property: "$executeRawUnsafe", message: "Use the $executeRaw tagged template: it binds parameters." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Every word on screen comes from the message catalogs (Arabic and English); markup holds
    // only punctuation and symbols that read the same in both.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["**/*.test.tsx"],
    rules: {
      "react/jsx-no-literals": ["error", { noStrings: false, ignoreProps: true, allowedStrings: [":", "—", "–", "·", "≠", "(", ")", "⚠", "#", "!"] }],
    },
  },
  {
    // lib/env.ts is the application's only reader of the environment.
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    ignores: ["lib/env.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
        { property: "$queryRawUnsafe", message: "Use the $queryRaw tagged template: it binds parameters." },
        { property: "$executeRawUnsafe", message: "Use the $executeRaw tagged template: it binds parameters." },
      ],
    },
  },
];

export default config;
