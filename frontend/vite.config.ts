/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Same-origin API paths, as behind the mesh gateway: /admin/api/... -> admin's /api/...,
// /main/api/... -> main's /api/... . The dev server and `vite preview` (command 1) proxy them.
const adminUrl = process.env.ADMIN_URL ?? 'http://localhost:8000';
const mainUrl = process.env.MAIN_URL ?? 'http://localhost:8001';
const proxy = {
  '/admin/api': { target: adminUrl, rewrite: (path: string) => path.replace(/^\/admin/, '') },
  '/main/api': { target: mainUrl, rewrite: (path: string) => path.replace(/^\/main/, '') },
};

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy },
  preview: { port: Number(process.env.FRONTEND_PORT ?? 3000), strictPort: true, proxy },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
