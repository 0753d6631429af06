import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../../e2e/support/env';

// What a phone pays when its reader first touches a page (lib/http/hydrate-on-intent.mjs moves the
// client runtime there, out of the load Lighthouse measures): Chromium as Lighthouse's mobile
// preset throttles it (4x CPU, 150 ms round trips, 1.6 Mbps down), the page loaded and left
// alone, then one tap on its headline. Measured in the page: the time from the tap until React has
// hydrated the page and the main thread has been quiet for a second, and the main thread's long
// tasks in that time (blocking is what each spends over 50 ms, as Lighthouse counts it).

export interface FirstTouch {
  /** From the tap to the end of the last long task of the hydration (or to hydration, if later). */
  interactiveMs: number;
  /** Sum over the long tasks after the tap of their time beyond 50 ms. */
  blockingMs: number;
  /** The longest of those tasks: how long a second tap could wait at worst. */
  longestMs: number;
  /** Script bytes fetched after the tap, as sent. */
  scriptBytes: number;
  /** Script requests before the tap (0 when the page waits for the reader). */
  scriptsBeforeTap: number;
}

interface Probe {
  touchedAt: number;
  tasks: [number, number][];
}

export async function measureFirstTouch(url: string): Promise<FirstTouch> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable() });
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await page.addInitScript(() => {
      const probe: Probe = { touchedAt: 0, tasks: [] };
      (window as unknown as { __probe: Probe }).__probe = probe;
      addEventListener('touchstart', () => (probe.touchedAt ||= performance.now()), { capture: true, passive: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) probe.tasks.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    let tapped = false;
    let scriptsBeforeTap = 0;
    let scriptBytes = 0;
    page.on('requestfinished', async (request) => {
      if (request.resourceType() !== 'script') return;
      if (!tapped) scriptsBeforeTap += 1;
      const sizes = await request.sizes().catch(() => null);
      if (sizes && tapped) scriptBytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1_000);
    const headline = await page.getByRole('heading', { level: 1 }).first().boundingBox();
    if (!headline) throw new Error(`${url} has no headline to tap`);
    tapped = true;
    await page.touchscreen.tap(headline.x + 4, headline.y + headline.height / 2);
    // Hydrated (React has claimed the page's <main>), then a second without a long task.
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
    const hydratedAt = await page.evaluate(async () => {
      for (;;) {
        const main = document.querySelector('main');
        if (main && Object.keys(main).some((k) => k.startsWith('__reactFiber'))) return performance.now();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    let quietSince = Date.now();
    let seen = 0;
    while (Date.now() - quietSince < 1_000) {
      await page.waitForTimeout(200);
      const count = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.tasks.length);
      if (count !== seen) {
        seen = count;
        quietSince = Date.now();
      }
    }
    const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
    const after = probe.tasks.filter(([start]) => start >= probe.touchedAt);
    const lastEnd = Math.max(hydratedAt, ...after.map(([start, duration]) => start + duration));
    return {
      interactiveMs: lastEnd - probe.touchedAt,
      blockingMs: after.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
      longestMs: Math.max(0, ...after.map(([, duration]) => duration)),
      scriptBytes,
      scriptsBeforeTap,
    };
  } finally {
    await browser.close();
  }
}
