import fs from 'node:fs';
import path from 'node:path';
import { startAppServer } from '../test/support/app-server';
import { E2E_TMP, e2eSettings, siteServerEnv } from './support/env';
import { expect, test } from './support/fixtures';

// npm start's default: one server process per core (WEB_CONCURRENCY), on one port, and a process
// that dies is replaced while the others go on answering.

/** The server processes under a supervisor: its children titled as the server titles itself. */
function serverProcessesOf(supervisor: number): number[] {
  const children = fs
    .readFileSync(`/proc/${supervisor}/task/${supervisor}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  return children.filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('next-server');
    } catch {
      return false;
    }
  });
}

test('two server processes share the port; killing one, the site keeps answering and a new one takes its place', async () => {
  test.skip(process.platform !== 'linux', 'reads the process tree from /proc');
  test.setTimeout(180_000);
  const shared = e2eSettings();
  const dir = path.join(E2E_TMP, `every-core-${Date.now().toString(36)}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const settings = { ...shared, databasePath: path.join(dir, 'site.db') };
  const server = await startAppServer({
    databasePath: settings.databasePath,
    logPath: path.join(dir, 'server.log'),
    env: { ...siteServerEnv(settings), WEB_CONCURRENCY: '2' },
  });
  try {
    // The supervisor is the process the test started (the group leader).
    await expect.poll(() => serverProcessesOf(server.pid).length, { timeout: 60_000 }).toBe(2);
    const [doomed, survivor] = serverProcessesOf(server.pid) as [number, number];
    // Both answer: the port is shared, so keep-alive-free requests spread over them.
    for (let i = 0; i < 10; i++)
      expect(
        (await fetch(`${server.baseUrl}/robots.txt`, { headers: { Connection: 'close' }, signal: AbortSignal.timeout(5_000) })).status,
      ).toBe(200);

    process.kill(doomed, 'SIGKILL');
    // A request handed to the process at the moment it died may fail, as on any server; once the
    // supervisor has seen it go, every request is answered by the one left, then by both again.
    const log = () => fs.readFileSync(path.join(dir, 'server.log'), 'utf8');
    await expect.poll(log, { timeout: 10_000 }).toMatch(new RegExp(`process ${doomed} ended \\(SIGKILL\\); starting another`));
    const answers: number[] = [];
    const deadline = Date.now() + 60_000;
    let replaced: number[] = [];
    while (Date.now() < deadline) {
      answers.push(
        (await fetch(`${server.baseUrl}/robots.txt`, { headers: { Connection: 'close' }, signal: AbortSignal.timeout(5_000) })).status,
      );
      replaced = serverProcessesOf(server.pid);
      if (replaced.length === 2 && !replaced.includes(doomed) && answers.length >= 10) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(replaced).toContain(survivor);
    expect(replaced).toHaveLength(2);
    expect(replaced).not.toContain(doomed);
    expect(
      answers.every((s) => s === 200),
      `answers while one process was gone: ${answers.join(' ')}`,
    ).toBe(true);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
