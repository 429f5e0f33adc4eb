import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright cannot download its own browser on these machines.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results',
  // Whole scenarios (a reply worded, edited, refused, then counted in the review) take 30-40 s on an idle 2-core
  // runner and more on a loaded one (55 s seen): the limit catches a hang, not a slow machine.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1280, height: 860 },
    screenshot: 'only-on-failure',
    // Menus that grow in move under a click on a starved runner: a Select option clicked mid-animation left its
    // menu open over the form (CI of stop 23). The app honours reduced motion, so the browser asks for it.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
});
