// `npm run bench [-- suite…]`: builds if there is no build, then runs each suite against its own
// production server on a scratch database and prints its table. See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import { readOptions } from './lib/options';
import { exitAfterCleanup, formatBytes, installExitHandlers } from './lib/processes';
import { ensureBuild, startServer } from './lib/server';
import { formatTable } from './lib/table';
import { suites } from './suites';

function selectSuites(names: string[]) {
  if (names.length === 0) return suites;
  const unknown = names.filter((n) => !suites.some((s) => s.name === n));
  if (unknown.length > 0) {
    throw new Error(`unknown suite ${unknown.map((n) => `"${n}"`).join(', ')}; available: ${suites.map((s) => s.name).join(', ')}`);
  }
  return suites.filter((s) => names.includes(s.name));
}

async function main(): Promise<number> {
  installExitHandlers();
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: npm run bench [-- <suite>…]\n\nsuites:');
    for (const s of suites) console.log(`  ${s.name.padEnd(12)} ${s.description}`);
    console.log('\nenv: BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_TOOL (wrk | autocannon), BENCH_KEEP=1 keeps bench/.tmp/');
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
    const server = await startServer({ label: suite.name });
    console.log(`[bench] server ready at ${server.baseUrl} (next-server pid ${server.serverPid}), database ${server.databasePath}`);
    let ok = false;
    try {
      const report = await suite.run({ server, options });
      const died = server.unexpectedExit();
      if (died !== null) report.problems.push(`the server exited during the suite (${died}); see ${server.logPath}`);
      console.log(`\n${formatTable(report.table)}\n`);
      console.log(
        `server peak RSS: ${formatBytes(server.rss.peakSince())} (VmRSS of next-server sampled every 250 ms, ${server.rss.sampleCount} samples; ` +
          `kernel high-water mark VmHWM ${formatBytes(server.kernelPeakRss())}); load average now ${os.loadavg()[0]!.toFixed(2)}`,
      );
      for (const note of report.notes) console.log(`note: ${note}`);
      for (const problem of report.problems) console.error(`PROBLEM: ${problem}`);
      ok = report.problems.length === 0;
    } finally {
      await server.stop();
      if (ok && process.env.BENCH_KEEP !== '1') fs.rmSync(server.workDir, { recursive: true, force: true });
      else console.log(`[bench] kept ${server.workDir} (server.log, database)`);
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
