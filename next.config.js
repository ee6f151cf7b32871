import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native addon: loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2"],
  turbopack: { root: import.meta.dirname },
};

export default withNextIntl(nextConfig);
