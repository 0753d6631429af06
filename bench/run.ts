// `npm run bench [-- suite…]`: builds if there is no build, then runs each suite against its own
// production server(s) on a scratch database and prints its tables. See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import { readOptions } from './lib/options';
import { exitAfterCleanup, formatBytes, installExitHandlers } from './lib/processes';
import { ensureBuild, makeWorkDir, startServer, type RunningServer } from './lib/server';
import type { SuiteReport } from './lib/suite';
import { formatTable } from './lib/table';
import { namedOnly, suites } from './suites';

function selectSuites(names: string[]) {
  if (names.length === 0) return suites;
  const all = [...suites, ...namedOnly];
  const unknown = names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length > 0) {
    throw new Error(`unknown suite ${unknown.map((n) => `"${n}"`).join(', ')}; available: ${all.map((s) => s.name).join(', ')}`);
  }
  return all.filter((s) => names.includes(s.name));
}

function printTables(report: SuiteReport) {
  const tables = Array.isArray(report.table) ? report.table : [report.table];
  for (const table of tables) {
    const title = 'title' in table && table.title ? `${table.title}\n` : '';
    console.log(`\n${title}${formatTable(table)}`);
  }
  console.log('');
}

async function main(): Promise<number> {
  installExitHandlers();
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: npm run bench [-- <suite>…]\n\nsuites:');
    for (const s of suites) console.log(`  ${s.name.padEnd(12)} ${s.description}`);
    for (const s of namedOnly) console.log(`  ${s.name.padEnd(12)} ${s.description} (by name only)`);
    console.log(
      '\nenv: BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_TOOL (wrk | autocannon), BENCH_KEEP=1 keeps bench/.tmp/; see bench/README.md',
    );
    return 0;
  }
  const selected = selectSuites(args);
  const options = readOptions();
  console.log(
    `[bench] ${selected.map((s) => s.name).join(', ')}: ${options.tool}, ${options.seconds} s at ${options.connections} connections per page; ` +
      `${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)} (other work on this machine skews the figures)`,
  );

  await ensureBuild();

  let failed = false;
  for (const suite of selected) {
    console.log(`\n== ${suite.name}: ${suite.description}`);
    const workDir = makeWorkDir(suite.name);
    const servers: RunningServer[] = [];
    let ok = false;
    try {
      const report = await suite.run({
        options,
        workDir,
        async startServer(serverOptions = {}) {
          const n = servers.length + 1;
          const server = await startServer({
            label: suite.name,
            workDir,
            logName: n === 1 ? 'server.log' : `server-${n}.log`,
            ...serverOptions,
          });
          servers.push(server);
          console.log(
            `[bench] server ${n} ready at ${server.baseUrl} (next-server pid ${server.serverPid}), database ${server.databasePath}`,
          );
          return server;
        },
      });
      for (const [i, server] of servers.entries()) {
        const died = server.unexpectedExit();
        if (died !== null) report.problems.push(`server ${i + 1} exited during the suite (${died}); see ${server.logPath}`);
      }
      printTables(report);
      for (const [i, server] of servers.entries()) {
        console.log(
          `server ${i + 1} peak RSS: ${formatBytes(server.rss.peakSince())} (VmRSS of next-server sampled every 250 ms, ${server.rss.sampleCount} samples; ` +
            `kernel high-water mark VmHWM ${formatBytes(server.kernelPeakRss())})`,
        );
      }
      console.log(`load average now ${os.loadavg()[0]!.toFixed(2)}`);
      for (const note of report.notes) console.log(`note: ${note}`);
      for (const problem of report.problems) console.error(`PROBLEM: ${problem}`);
      ok = report.problems.length === 0;
    } finally {
      for (const server of servers) await server.stop();
      if (ok && process.env.BENCH_KEEP !== '1') fs.rmSync(workDir, { recursive: true, force: true });
      else console.log(`[bench] kept ${workDir} (server logs, database)`);
    }
    if (!ok) failed = true;
  }
  if (failed) console.error('\n[bench] FAILED: some figures are not trustworthy (see PROBLEM lines above)');
  return failed ? 1 : 0;
}

main().then(
  (code) => exitAfterCleanup(code),
  (error: unknown) => {
    console.error(`\n[bench] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return exitAfterCleanup(1);
  },
);
