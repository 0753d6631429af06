import { spawnSync } from 'node:child_process';
import { onCleanup, spawnGroup } from '../../test/support/process-group';

export interface LoadTestOptions {
  /** Must be a loopback URL: load never leaves this machine. */
  url: string;
  seconds: number;
  connections: number;
  /** Request headers, e.g. Accept-Encoding as a browser sends it. */
  headers?: Record<string, string>;
}

export interface LoadTestResult {
  tool: 'wrk' | 'autocannon';
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * Responses that were not 2xx. With wrk this is its "Non-2xx or 3xx responses" counter, which
   * (despite its name) counts statuses of 400 and up; a redirect is caught by the warm-up instead.
   */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  requests: number;
}

export type LoadTool = 'wrk' | 'autocannon';

function wrkOnPath(): boolean {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

/** wrk when it is installed (it saturates later than autocannon here), else autocannon. BENCH_TOOL overrides. */
export function chooseTool(): LoadTool {
  const forced = process.env.BENCH_TOOL?.trim();
  if (forced === 'wrk' || forced === 'autocannon') {
    if (forced === 'wrk' && !wrkOnPath()) throw new Error('BENCH_TOOL=wrk but wrk is not on PATH');
    return forced;
  }
  if (forced) throw new Error(`BENCH_TOOL must be "wrk" or "autocannon", not "${forced}"`);
  return wrkOnPath() ? 'wrk' : 'autocannon';
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host))
    throw new Error(`refusing to load-test ${url}: only loopback addresses are allowed`);
}

export async function loadTest(options: LoadTestOptions, tool: LoadTool = chooseTool()): Promise<LoadTestResult> {
  assertLoopback(options.url);
  return tool === 'wrk' ? runWrk(options) : runAutocannon(options);
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "812.00us", "17.80ms", "1.02s" → milliseconds. */
export function parseWrkDuration(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  if (!match) throw new Error(`unrecognised wrk duration "${text}"`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}

/** Reads the figures out of `wrk --latency` output. Throws when a figure is missing. */
export function parseWrkOutput(output: string): Omit<LoadTestResult, 'tool'> {
  const need = (re: RegExp, what: string) => {
    const match = re.exec(output);
    if (!match) throw new Error(`wrk output has no ${what}:\n${output}`);
    return match;
  };
  const reqPerSec = Number(need(/^Requests\/sec:\s+([\d.]+)/m, 'Requests/sec line')[1]);
  const p50Ms = parseWrkDuration(need(/^\s*50(?:\.0+)?%\s+(\S+)\s*$/m, '50% latency line')[1]!);
  const p99Ms = parseWrkDuration(need(/^\s*99(?:\.0+)?%\s+(\S+)\s*$/m, '99% latency line')[1]!);
  const requests = Number(need(/^\s*(\d+) requests in /m, 'request count')[1]);
  const non2xx = Number(/^\s*Non-2xx or 3xx responses:\s+(\d+)/m.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors = socket ? socket.slice(1, 5).reduce((sum, n) => sum + Number(n), 0) : 0;
  return { reqPerSec, p50Ms, p99Ms, non2xx, errors, requests };
}

async function runWrk({ url, seconds, connections, headers = {} }: LoadTestOptions): Promise<LoadTestResult> {
  const threads = Math.min(2, connections);
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const wrk = spawnGroup('wrk', [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--latency', ...headerArgs, url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  wrk.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  wrk.child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // wrk stops by itself after `seconds`; this only guards against a hang.
  const guard = setTimeout(() => void wrk.stop(1000), (seconds + 30) * 1000);
  const code = await wrk.exited;
  clearTimeout(guard);
  await wrk.stop(1000);
  if (code !== 0) throw new Error(`wrk exited with ${code}:\n${output}`);
  return { tool: 'wrk', ...parseWrkOutput(output) };
}

async function runAutocannon({ url, seconds, connections, headers = {} }: LoadTestOptions): Promise<LoadTestResult> {
  const { default: autocannon } = await import('autocannon');
  const instance = autocannon({ url, connections, duration: seconds, timeout: 10, headers });
  const unregister = onCleanup(() => instance.stop());
  try {
    const result = await instance;
    return {
      tool: 'autocannon',
      reqPerSec: result.requests.total / result.duration,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors, // timeouts are counted here too
      requests: result.requests.total,
    };
  } finally {
    unregister();
  }
}
