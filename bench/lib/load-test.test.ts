import { describe, expect, it } from 'vitest';
import { parseWrkDuration, parseWrkOutput } from './load-test';

const sample = `Running 10s test @ http://127.0.0.1:3000/
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    18.27ms    3.12ms  60.01ms   90.00%
    Req/Sec     1.38k   102.21     1.60k    75.00%
  Latency Distribution
     50%  812.00us
     75%   18.97ms
     90%   20.47ms
     99%    1.02s
  27452 requests in 10.01s, 1.23GB read
  Socket errors: connect 0, read 3, write 0, timeout 2
  Non-2xx or 3xx responses: 12
Requests/sec:   2742.34
Transfer/sec:    125.43MB
`;

describe('wrk output', () => {
  it('reads throughput, percentiles in any unit, errors and error statuses', () => {
    expect(parseWrkOutput(sample)).toEqual({ reqPerSec: 2742.34, p50Ms: 0.812, p99Ms: 1020, non2xx: 12, errors: 5, requests: 27452 });
  });

  it('counts no errors when wrk prints none', () => {
    const clean = sample.replace(/ {2}Socket errors.*\n/, '').replace(/ {2}Non-2xx.*\n/, '');
    expect(parseWrkOutput(clean)).toMatchObject({ non2xx: 0, errors: 0 });
  });

  it('fails loudly on output without figures', () => {
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/Requests\/sec/);
  });

  it('converts every unit wrk prints', () => {
    expect(parseWrkDuration('250.5us')).toBeCloseTo(0.2505);
    expect(parseWrkDuration('17.80ms')).toBe(17.8);
    expect(parseWrkDuration('2.00s')).toBe(2000);
    expect(parseWrkDuration('1.00m')).toBe(60_000);
  });
});
