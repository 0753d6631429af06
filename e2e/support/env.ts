import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../test/support/paths';
import { freePortSync } from '../../test/support/ports';

// Settings shared by playwright.config.ts, the fixtures and the specs.
//
// Playwright evaluates the config in the runner and again in every worker. The port and the
// database path are chosen once, by the first evaluation, and kept in process.env, which the
// workers (and the web server) inherit; later evaluations read them back.

export const E2E_TMP = path.join(ROOT, 'e2e', '.tmp');
export const SCREENSHOTS_DIR = path.join(E2E_TMP, 'screenshots');

const PORT_VAR = 'LEDGER_E2E_PORT';
const DATABASE_VAR = 'LEDGER_E2E_DATABASE_PATH';
const RESEND_PORT_VAR = 'LEDGER_E2E_RESEND_PORT';

export interface E2ESettings {
  port: number;
  /** http://localhost:PORT — not 127.0.0.1: Next and Auth.js rewrite request URLs to localhost. */
  siteUrl: string;
  /** The site's SQLite file; specs read it to compare, and write only what a test says it writes. */
  databasePath: string;
  /** The fake Resend API (test/support/fake-resend.ts) the site sends through. */
  resendUrl: string;
  /** Staff addresses the server makes admins at start (ADMIN_EMAILS). */
  adminEmail: string;
  /** RESEND_WEBHOOK_SECRET of the site: specs sign webhook events with it as Svix would. */
  webhookSecret: string;
}

/** A fixed Svix-style secret ("whsec_" + base64 of 24 bytes); only ever used against the test server. */
export const E2E_WEBHOOK_SECRET = `whsec_${Buffer.from('ledger-e2e-webhook-secret').toString('base64')}`;

/** Removes the databases of earlier runs (an hour old or more, so a run in progress is left alone). */
function removeOldRuns(): void {
  if (!fs.existsSync(E2E_TMP)) return;
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const entry of fs.readdirSync(E2E_TMP)) {
    const dir = path.join(E2E_TMP, entry);
    if (entry.startsWith('run-') && fs.statSync(dir).mtimeMs < cutoff) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function e2eSettings(): E2ESettings {
  if (!process.env[PORT_VAR]) {
    removeOldRuns();
    const runDir = path.join(E2E_TMP, `run-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
    fs.mkdirSync(runDir, { recursive: true });
    process.env[PORT_VAR] = String(freePortSync());
    process.env[DATABASE_VAR] = path.join(runDir, 'site.db');
    process.env[RESEND_PORT_VAR] = String(freePortSync());
  }
  const port = Number(process.env[PORT_VAR]);
  const databasePath = process.env[DATABASE_VAR];
  if (!Number.isInteger(port) || port <= 0 || !databasePath) {
    throw new Error(`${PORT_VAR} and ${DATABASE_VAR} must be set together (unset both to let the e2e config choose).`);
  }
  const resendPort = Number(process.env[RESEND_PORT_VAR]);
  return {
    port,
    siteUrl: `http://localhost:${port}`,
    databasePath,
    resendUrl: `http://127.0.0.1:${resendPort}`,
    adminEmail: 'admin@ledger.example',
    webhookSecret: E2E_WEBHOOK_SECRET,
  };
}

/**
 * The site's environment in the end-to-end runs: the Playwright-managed server (playwright.config.ts)
 * and the specs that start servers of their own (e2e/support/own-site.ts).
 */
export function siteServerEnv(settings: E2ESettings): Record<string, string> {
  return {
    DATABASE_PATH: settings.databasePath,
    SITE_URL: settings.siteUrl,
    PORT: String(settings.port),
    NEXT_TELEMETRY_DISABLED: '1',
    // One server process: specs that need more start them (e2e/every-core.spec.ts, scheduling).
    WEB_CONCURRENCY: '1',
    AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
    ADMIN_EMAILS: settings.adminEmail,
    // As behind a reverse proxy: specs are many readers from one machine, each with its own
    // X-Forwarded-For (e2e/client-address.spec.ts checks the default, which ignores the header).
    TRUST_PROXY: '1',
    // The real Resend SDK, pointed at the fake; retries and sweeps sped up so faults heal in seconds.
    RESEND_API_KEY: 're_e2e_fake_key',
    RESEND_BASE_URL: settings.resendUrl,
    MAIL_FROM: 'The Ledger <newsroom@ledger.example>',
    MAIL_RETRY_BASE_MS: '1000',
    MAIL_SWEEP_MS: '500',
    MAIL_SEND_TIMEOUT_MS: '3000',
    MAIL_RATE_PER_SECOND: '50',
    RESEND_WEBHOOK_SECRET: settings.webhookSecret,
  };
}

/**
 * The browser to drive: CHROMIUM_PATH, else Debian's Chromium (Playwright cannot download its own
 * on these machines), else none, and Playwright uses its own (a laptop after `npx playwright install`).
 */
export function chromiumExecutable(): string | undefined {
  return process.env.CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}
