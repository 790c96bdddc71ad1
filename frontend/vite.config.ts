/// <reference types="vitest/config" />
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// Same-origin API paths, as behind the mesh gateway: /admin/api/... -> admin's /api/...,
// /main/api/... -> main's /api/... . The dev server and `vite preview` (command 1) proxy them.
const adminUrl = process.env.ADMIN_URL ?? 'http://localhost:8000';
const mainUrl = process.env.MAIN_URL ?? 'http://localhost:8001';
const proxy: Record<string, ProxyOptions> = {
  '/admin/api': { target: adminUrl, rewrite: (path: string) => path.replace(/^\/admin/, '') },
  '/main/api': { target: mainUrl, rewrite: (path: string) => path.replace(/^\/main/, '') },
};

// With ZIPKIN_URL (command 1's TRACING=on), the browser traces its calls: /telemetry.json tells it
// to, and /traces/ reaches the viewer's span intake from the same origin, as in the cluster.
const zipkinUrl = process.env.ZIPKIN_URL;
if (zipkinUrl) proxy['/traces'] = { target: zipkinUrl, rewrite: (path: string) => path.replace(/^\/traces/, '') };
const telemetryJson = JSON.stringify({ zipkinUrl: '/traces/api/v2/spans', sampleRatio: 1 });
const telemetry: Plugin = {
  name: 'microshop-telemetry-config',
  configurePreviewServer(server) {
    server.middlewares.use('/telemetry.json', (_request, response, next) => {
      if (!zipkinUrl) return next();
      response.setHeader('Content-Type', 'application/json');
      response.setHeader('Cache-Control', 'no-cache');
      response.end(telemetryJson);
    });
  },
};

export default defineConfig({
  plugins: [react(), telemetry],
  server: { port: 5173, proxy },
  preview: { port: Number(process.env.FRONTEND_PORT ?? 3000), strictPort: true, proxy },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
