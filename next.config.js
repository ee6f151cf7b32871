import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    // The catalogs' ICU messages are parsed at build time, not on every request (next-intl
    // otherwise parses each message a page uses afresh per request: some 5% of a page's CPU).
    // A message without placeholders stays a plain string; the others become compiled arrays.
    messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
});

const production = process.env.NODE_ENV === "production";

// On every response; the Content-Security-Policy (with its per-request nonce) is set by proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native addon: loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2"],
  turbopack: { root: import.meta.dirname },
  experimental: {
    // The report form carries up to 3 evidence files of at most 10 MB each (lib/evidence-limits.ts);
    // the data layer enforces those limits itself. The proxy buffers request bodies up to its own
    // limit and silently truncates beyond it, so both limits move together.
    serverActions: { bodySizeLimit: "32mb" },
    proxyClientMaxBodySize: "32mb",
  },
  // The build checks the app's types only; `npm test` checks everything (tests, scripts, e2e).
  typescript: { tsconfigPath: "tsconfig.build.json" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
