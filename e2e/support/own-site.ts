import fs from 'node:fs';
import path from 'node:path';
import { startAppServer, type AppServer } from '../../test/support/app-server';
import { freePort } from '../../test/support/ports';
import { E2E_TMP, e2eSettings, siteServerEnv, type E2ESettings } from './env';
import { test as base } from './fixtures';

// A production server of a spec's own, on its own port and SQLite file, with the settings of the
// Playwright-managed one (same fake Resend API, same admin address). For specs that publish,
// move the newsroom's clock or run two servers: on the shared site, an article published "now"
// becomes every other spec's newest article mid-run (their helpers pick articles by position).

export interface OwnSite {
  /** The settings fixture's shape, pointing at this site. */
  settings: E2ESettings;
  dir: string;
  /** The first server; `startAnother` adds more on the same database. */
  server: AppServer;
  startAnother(): Promise<AppServer>;
  /** Stops every server; removes the folder unless `keep` (kept after a failure, logs and all). */
  stop(options?: { keep?: boolean }): Promise<void>;
}

export async function startOwnSite(
  label: string,
  shared: E2ESettings,
  { env = () => ({}) }: { env?: (dir: string) => Record<string, string> } = {},
): Promise<OwnSite> {
  const dir = path.join(E2E_TMP, `${label}-${Date.now().toString(36)}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const settings: E2ESettings = { ...shared, port, siteUrl: `http://localhost:${port}`, databasePath: path.join(dir, 'site.db') };
  const servers: AppServer[] = [];
  const start = async (listenPort?: number) => {
    const server = await startAppServer({
      port: listenPort,
      databasePath: settings.databasePath,
      logPath: path.join(dir, `server-${servers.length + 1}.log`),
      // Every server names the same SITE_URL (the first one's), as servers behind one proxy do;
      // each listens on its own port (--port wins over PORT).
      env: { ...siteServerEnv(settings), ...env(dir) },
    });
    servers.push(server);
    return server;
  };
  const server = await start(port);
  return {
    settings,
    dir,
    server,
    startAnother: () => start(),
    stop: async ({ keep = false } = {}) => {
      await Promise.all(servers.map((s) => s.stop()));
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The spec's `test` on a site of its own: the worker fixture `ownSite`, and `settings` and
 * `baseURL` pointing at it, so every fixture (siteDb, editorPage, adminPage, …) and `page` use it.
 * A failed test's report gets the servers' logs (the folder goes when the worker ends).
 */
export function ownSiteTest(label: string, options: { env?: (dir: string) => Record<string, string> } = {}) {
  return base.extend<{ serverLog: void }, { ownSite: OwnSite }>({
    ownSite: [
      async ({}, provide) => {
        const site = await startOwnSite(label, e2eSettings(), options);
        await provide(site);
        await site.stop();
      },
      { scope: 'worker', timeout: 180_000 },
    ],
    // `provide`, not `use`, for React's hooks lint (see fixtures.ts).
    settings: [async ({ ownSite }, provide) => provide(ownSite.settings), { scope: 'worker' }],
    baseURL: async ({ settings }, provide) => provide(settings.siteUrl),
    serverLog: [
      async ({ ownSite }, provide, testInfo) => {
        await provide();
        if (testInfo.status === testInfo.expectedStatus) return;
        for (const log of fs.readdirSync(ownSite.dir).filter((f) => f.endsWith('.log')))
          await testInfo.attach(log, { path: path.join(ownSite.dir, log) });
      },
      { auto: true },
    ],
  });
}
