import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite loads its WASM from its own package directory: bundling it breaks the build (ENGINEERING.md).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  typedRoutes: false,
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
