// A fake of Resend's HTTP API on 127.0.0.1, for tests and benchmarks. The site talks to it through
// the real Resend SDK (RESEND_BASE_URL). It records every request, answers like Resend, keeps one
// email per Idempotency-Key as Resend does, and can be told to fail the next N requests.
//
//   npx tsx test/support/fake-resend.ts --port 4010      (or import { startFakeResend })
//
// Control API (JSON): GET /__fake/emails, GET /__fake/requests, POST /__fake/fail
// {status, count, retryAfter?, hang?, delayMs?}, POST /__fake/reset.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  at: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
}

export interface DeliveredEmail {
  id: string;
  at: number;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

interface FailurePlan {
  status: number;
  count: number;
  retryAfter?: number;
  hang?: boolean;
  /** Fail one request in `every` (e.g. 5 = one in five) instead of the next `count`. */
  every?: number;
  /** Only requests with a recipient containing this text count and fail (keeps parallel tests apart). */
  match?: string;
  /**
   * With a 2xx status: the request is handled as usual (its emails are accepted and recorded) but
   * the answer leaves only after this many milliseconds, like a provider that sent the email while
   * the client gave up waiting (or died) before hearing so.
   */
  delayMs?: number;
}

export interface FakeResend {
  url: string;
  port: number;
  emails(): DeliveredEmail[];
  requests(): RecordedRequest[];
  fail(plan: FailurePlan): void;
  reset(): void;
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function toList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  return typeof v === 'string' ? [v] : [];
}

export async function startFakeResend({ port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {}): Promise<FakeResend> {
  let emails: DeliveredEmail[] = [];
  let requests: RecordedRequest[] = [];
  let plan: FailurePlan | null = null;
  let seen = 0;
  const byKey = new Map<string, unknown>();
  const hanging = new Set<http.ServerResponse>();
  const late = new Set<NodeJS.Timeout>();

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  /** Like send, but after `delay` ms (the connection is held open until then). */
  const sendLate =
    (delay: number) =>
    (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      const timer = setTimeout(() => {
        late.delete(timer);
        hanging.delete(res);
        if (!res.destroyed) send(res, status, body, headers);
      }, delay);
      late.add(timer);
    };

  function accept(payload: Record<string, unknown>, key: string | null): { id: string } | { error: string } {
    const to = toList(payload.to);
    if (typeof payload.from !== 'string' || to.length === 0 || typeof payload.subject !== 'string') {
      return { error: 'Missing `from`, `to` or `subject` field.' };
    }
    const id = randomUUID();
    emails.push({
      id,
      at: Date.now(),
      idempotencyKey: key,
      from: payload.from,
      to,
      subject: payload.subject,
      html: String(payload.html ?? ''),
      text: String(payload.text ?? ''),
      headers: (payload.headers as Record<string, string>) ?? {},
    });
    return { id };
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }

    if (url.pathname.startsWith('/__fake/')) {
      if (url.pathname === '/__fake/emails') return send(res, 200, emails);
      if (url.pathname === '/__fake/requests') return send(res, 200, requests);
      if (url.pathname === '/__fake/fail' && req.method === 'POST') {
        plan = body as FailurePlan;
        seen = 0;
        return send(res, 200, { ok: true });
      }
      if (url.pathname === '/__fake/reset' && req.method === 'POST') {
        emails = [];
        requests = [];
        plan = null;
        byKey.clear();
        return send(res, 200, { ok: true });
      }
      return send(res, 404, { message: 'unknown control path' });
    }

    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const record = (status: number) =>
      requests.push({ at: Date.now(), method: req.method ?? '', path: url.pathname, headers, body, status });

    if (!String(req.headers.authorization ?? '').startsWith('Bearer ')) {
      record(401);
      return send(res, 401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key in the authorization header.' });
    }

    const recipients = (Array.isArray(body) ? body : [body]).flatMap((item) => toList((item as { to?: unknown } | null)?.to));
    const matches = plan && (!plan.match || recipients.some((r) => r.includes(plan!.match!)));
    if (matches) seen++;
    const failNow = plan && matches && (plan.every ? seen % plan.every === 0 : plan.count > 0);
    // How this request is answered: at once, or late (a "failure" with a 2xx status and delayMs).
    let reply = send;
    if (plan && failNow && plan.status < 300) {
      if (!plan.every) plan.count--;
      if (plan.delayMs) reply = sendLate(plan.delayMs);
      if (!plan.every && plan.count <= 0) plan = null;
    } else if (plan && failNow) {
      if (!plan.every) plan.count--;
      const current = plan;
      if (!plan.every && plan.count <= 0) plan = null;
      if (current.hang) {
        record(0);
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return; // never answers
      }
      record(current.status);
      const extra: Record<string, string> = current.retryAfter !== undefined ? { 'retry-after': String(current.retryAfter) } : {};
      const name = current.status === 429 ? 'rate_limit_exceeded' : current.status === 422 ? 'validation_error' : 'internal_server_error';
      return send(res, current.status, { statusCode: current.status, name, message: `fake failure ${current.status}` }, extra);
    }

    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    if (key && byKey.has(key)) {
      record(200);
      return reply(res, 200, byKey.get(key));
    }

    if (req.method === 'POST' && url.pathname === '/emails') {
      const result = accept((body ?? {}) as Record<string, unknown>, key);
      if ('error' in result) {
        record(422);
        return reply(res, 422, { statusCode: 422, name: 'validation_error', message: result.error });
      }
      if (key) byKey.set(key, result);
      record(200);
      return reply(res, 200, result);
    }
    if (req.method === 'POST' && url.pathname === '/emails/batch') {
      const list = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
      if (list.length === 0 || list.length > 100) {
        record(422);
        return reply(res, 422, { statusCode: 422, name: 'validation_error', message: 'A batch holds 1 to 100 emails.' });
      }
      const data = list.map((item) => accept(item, key));
      if (data.some((d) => 'error' in d)) {
        record(422);
        return reply(res, 422, { statusCode: 422, name: 'validation_error', message: 'An email in the batch is invalid.' });
      }
      const result = { data };
      if (key) byKey.set(key, result);
      record(200);
      return reply(res, 200, result);
    }
    record(404);
    return reply(res, 404, { statusCode: 404, name: 'not_found', message: 'Not found' });
  });

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    emails: () => emails,
    requests: () => requests,
    fail: (p) => {
      plan = { ...p };
      seen = 0;
    },
    reset: () => {
      emails = [];
      requests = [];
      plan = null;
      byKey.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of late) clearTimeout(timer);
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Run as a program: `tsx test/support/fake-resend.ts --port 4010`
if (process.argv[1] && /fake-resend\.(ts|js|mjs)$/.test(process.argv[1])) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 0;
  void startFakeResend({ port }).then((fake) => {
    console.log(`fake Resend API listening on ${fake.url}`);
    const stop = () => void fake.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
