// The client-address rule, installed in every process that serves the site however it was
// started: `npm start` (scripts/server.mjs), `next start` or `next dev` (instrumentation.ts).
//
// Per-IP limits and the local mailbox's loopback rule must know who is asking. Every request gets
// one address, resolved before any of the site's code sees it: the connection's, or, with
// TRUST_PROXY=1 and a connection from TRUSTED_PROXIES, the client address those proxies name in
// X-Forwarded-For (lib/security/ip.mjs). The address goes into X-Forwarded-For (replacing what
// came) and into `x-ledger-client` with this process's random token; lib/security/client.ts
// believes only the latter with the token. `next start` alone keeps a client's X-Forwarded-For
// as sent, so without this rule anyone could choose their address there; a request the rule did
// not stamp counts as "unknown", never as this machine.
//
// Plain JavaScript: scripts/server.mjs loads it before Next (types in client-address.d.mts).
import crypto from 'node:crypto';
import http from 'node:http';
import { clientAddress, LOOPBACK_RANGES, parseRanges } from './ip.mjs';

export const CLIENT_HEADER = 'x-ledger-client';

const state = (globalThis.__ledgerClientAddress ??= {
  token: crypto.randomBytes(18).toString('base64url'),
  installed: false,
  rule: null,
  // Set by scripts/server.mjs, which stamps the requests it hands to Next itself (the ones it
  // answers from disk or from a page copy never read the address, and stay as cheap as they were).
  stampedByServer: false,
});

/** The proxy settings from the environment (lib/env.ts has already validated them). */
function ruleFromEnv(env) {
  const trusted = parseRanges(env.TRUSTED_PROXIES || LOOPBACK_RANGES);
  return { trustProxy: ['1', 'true'].includes(env.TRUST_PROXY ?? ''), trustedRanges: trusted.ok ? trusted.ranges : [] };
}

/** The stamp for an address: what the rule writes into CLIENT_HEADER. */
export function clientStamp(address) {
  return `${address} ${state.token}`;
}

/** The address in a stamp this process wrote, or null for a missing or forged one. */
export function addressFromStamp(value) {
  if (typeof value !== 'string') return null;
  const space = value.lastIndexOf(' ');
  if (space <= 0) return null;
  const token = value.slice(space + 1);
  const expected = state.token;
  if (token.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(token), Buffer.from(expected))) return null;
  return value.slice(0, space);
}

/** Resolves a request's client address and writes it into its headers. */
export function stampClient(req, rule = (state.rule ??= ruleFromEnv(process.env))) {
  const address = clientAddress({
    remoteAddress: req.socket?.remoteAddress,
    forwardedFor: req.headers['x-forwarded-for'],
    trustProxy: rule.trustProxy,
    trustedRanges: rule.trustedRanges,
  });
  req.headers['x-forwarded-for'] = address;
  delete req.headers['x-real-ip'];
  req.headers[CLIENT_HEADER] = clientStamp(address);
  return address;
}

/**
 * Makes every HTTP server in this process stamp each request as it arrives, before any listener
 * (Next's or ours) sees it. Once per process; later calls do nothing.
 */
export function installClientAddressRule(env = process.env) {
  if (state.installed) return;
  state.installed = true;
  state.rule = ruleFromEnv(env);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithClientAddress(event, req) {
    if (!state.stampedByServer && (event === 'request' || event === 'checkContinue' || event === 'checkExpectation') && req?.headers) {
      stampClient(req);
    }
    // `arguments` as it came: no array built for every event of every server.
    return emit.apply(this, arguments);
  };
}

/**
 * For scripts/server.mjs: it stamps each request it hands to Next itself (stampClient), before
 * Next reads it; the rule installed for every server in the process then leaves its requests alone.
 */
export function serverStampsRequests() {
  state.stampedByServer = true;
}
