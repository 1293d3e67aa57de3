import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite loads its WASM from its own package directory: bundling it breaks the build (docs/engineering.md).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  // `npm test` typechecks the whole project (tsc --noEmit) before anything is built; a second pass inside
  // `next build` only doubles the first start's time on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  allowedDevOrigins: ['127.0.0.1'],
  // Cheap defence in depth for a dashboard holding suppliers' data: no framing, no sniffing, no referrer leaks.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
