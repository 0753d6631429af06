// Sending a file from disk as the answer to a GET or HEAD, for the production server's own file
// servers (pictures: lib/media/file-server.mjs; build files: lib/http/compression.mjs).
// Plain JavaScript: scripts/server.mjs runs without a TypeScript step.
import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { ifNoneMatchIncludes } from '../cache/validators.mjs';

/** A regular file opened for reading, with its size and time, or null when there is none at `file`. */
export async function openRegularFile(file) {
  let handle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch {
    return null;
  }
  try {
    const stat = await handle.stat();
    if (stat.isFile()) return { handle, stat };
    await handle.close();
    return null;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Answers with an open file: 304 when If-None-Match names `etag`, else 200 with its length, and
 * its bytes unless the request is a HEAD. `headers` go on both (caching, Vary, the site's security
 * headers), `contentHeaders` on the 200 only (type, coding). Takes the handle over: it is closed
 * when the answer is done, or when the client goes away.
 */
export async function sendOpenFile(req, res, handle, { size, etag, headers, contentHeaders = {} }) {
  const common = { ...headers, ETag: etag };
  if (ifNoneMatchIncludes(req.headers['if-none-match'], etag)) {
    await handle.close();
    res.writeHead(304, common);
    res.end();
    return;
  }
  res.writeHead(200, { ...common, ...contentHeaders, 'Content-Length': String(size) });
  if (req.method === 'HEAD') {
    await handle.close();
    res.end();
    return;
  }
  // pipeline, not pipe: when the client goes away it destroys the read stream, which closes the
  // file (as it does when the stream ends); an error ends the response.
  pipeline(handle.createReadStream({ highWaterMark: 64 * 1024 }), res, () => {});
}
