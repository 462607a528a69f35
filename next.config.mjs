import { siteSettingsFrom } from "./lib/site-settings.mjs";

// The public pages are prerendered with the payer's name and demo mode of the build's environment
// (lib/site.ts); the server refuses to start with different ones (lib/start-server.ts).
const site = siteSettingsFrom(process.env);

/** @type {import('next').NextConfig} */
const nextConfig = {
  env: {
    PORTAL_BUILD_PAYER_NAME: site.payerName,
    PORTAL_BUILD_DEMO_MODE: String(site.demoMode),
  },
  // These load native code, WASM or a file-system database, or must share one
  // module instance with each other (rate-limiter-flexible imports drizzle-orm
  // at run time), so Node loads them from node_modules instead of the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "drizzle-orm",
    "postgres",
    "rate-limiter-flexible",
  ],
  poweredByHeader: false,
  // server.mjs compresses, after it has put each response's CSP nonce into prerendered pages.
  compress: false,
  // Browsers still ask for /favicon.ico now and then (a reload before the page's icon link is read):
  // answer with the app's icon instead of a 404 in the console.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  // The Content-Security-Policy (with a nonce per request), HSTS and X-Request-Id come from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          // Stricter than strict-origin-when-cross-origin: links with tokens never leak to other sites.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
