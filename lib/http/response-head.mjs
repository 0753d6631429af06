// One way for the production server's response wrappers (cache policy, compression, the reader
// pages' script rewriting) to act on a response's final head.
//
// Plain JavaScript: scripts/server.mjs runs without a TypeScript step.

/**
 * Runs `prepare()` once, as `res`'s head is about to be written, with every header on `res`: Node
 * lets headers passed to writeHead win over setHeader, so they are set on `res` first, and the
 * status is on `res.statusCode`. Node writes every head through writeHead (explicitly, for the
 * first write, or for flushHeaders), so nothing gets past it.
 */
export function beforeHead(res, prepare) {
  const { writeHead } = res;
  res.writeHead = function preparedWriteHead(statusCode, ...rest) {
    if (!this.headersSent) {
      this.statusCode = statusCode;
      const headers = rest.find((arg) => arg !== null && typeof arg === 'object');
      if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
      else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
      prepare();
    }
    const reason = rest.find((arg) => typeof arg === 'string');
    return reason === undefined ? writeHead.call(this, this.statusCode) : writeHead.call(this, this.statusCode, reason);
  };
}
