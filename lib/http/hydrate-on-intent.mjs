// Reader pages load Next's and React's client runtime when the reader shows intent, not while the
// story paints. Every reader page works without JavaScript (links are links, forms post and
// redirect), so until then the page is complete; on a phone, downloading and running the runtime
// during the load is what keeps the story from painting and the page from answering a touch.
//
// How: the server rewrites each reader page's HTML as it goes out (scripts/server.mjs), turning
// Next's `<script src="/_next/static/…" async="">` tags into inert `<script data-ledger-src=…>`
// placeholders, dropping its script preloads, and adding one small inline loader at the top of
// <head>. The loader swaps the placeholders for the real scripts:
// - at once (when the document is parsed) on a device with a mouse, unless it saves data: a
//   desktop has the time to spare and gets the client router's fast navigation from the start;
// - otherwise at the first sign of a reader: a touch, a scroll, a key, a focused field, a pointer.
// The inline data scripts (Next's payload, the Turbopack bootstrap) stay as they are: they only
// queue data for the runtime. Hydration then proceeds as Next's own loading would, in any order,
// as its async scripts always could.
//
// The dashboard (/admin), the API and the local mailbox (/dev) are left alone: staff need their
// tools at once. A tag this module does not recognise is left as it was, so the worst a change in
// Next's markup can do is load a script eagerly.
//
// Plain JavaScript: scripts/server.mjs runs without a TypeScript step.
import { StringDecoder } from 'node:string_decoder';
import { isStaffPath } from './cache-policy.mjs';
import { beforeHead } from './response-head.mjs';

/** The events that mean a reader is here and may use what the script enhances. */
const INTENT_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'focusin', 'scroll', 'wheel', 'mousemove'];

/**
 * The loader, sent as source in the page's <head> (ES5: it runs before anything else).
 * `document.readyState` says whether placeholders may still be on their way (a page still
 * streaming): then it waits for the document to be parsed, so no script of the page is left behind.
 */
function loadScriptsOnIntent(events) {
  var d = document;
  var w = window;
  var options = { capture: true, passive: true };
  var started = false;
  function swapIn() {
    var placeholders = d.querySelectorAll('script[data-ledger-src]');
    for (var i = 0; i < placeholders.length; i++) {
      var script = d.createElement('script');
      script.src = placeholders[i].getAttribute('data-ledger-src');
      // As Next wrote it: React finds a layout's scripts by async and src, and would add them again.
      script.setAttribute('async', '');
      placeholders[i].parentNode.replaceChild(script, placeholders[i]);
    }
  }
  function start(event) {
    // The browser scrolls by itself while a page loads (to a #comment, or back where a reload was).
    if (started || (event && event.type === 'scroll' && d.readyState !== 'complete')) return;
    started = true;
    for (var i = 0; i < events.length; i++) w.removeEventListener(events[i], start, options);
    if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', swapIn);
    else swapIn();
  }
  var connection = navigator.connection;
  if (w.matchMedia && w.matchMedia('(hover: hover) and (pointer: fine)').matches && !(connection && connection.saveData)) start();
  else for (var i = 0; i < events.length; i++) w.addEventListener(events[i], start, options);
}

/** The loader as the page gets it: its source without comments or line breaks (each statement ends in `;` or `}`). */
export const LOADER = `<script>(${loadScriptsOnIntent
  .toString()
  .replace(/^\s*\/\/.*$/gm, '')
  .replace(/\n\s*/g, '')})(${JSON.stringify(INTENT_EVENTS)})</script>`;

const SCRIPT_TAG = /<script src="(\/_next\/static\/[^"<>]+\.js)" async="">/g;
const SCRIPT_PRELOAD = /<link rel="preload" as="script"[^<>]*? href="\/_next\/static\/[^"<>]+\.js"[^<>]*?\/>/g;
const HEAD_OPEN = '<head>';

/** A longer unfinished tag than this at the end of a chunk is not one of ours: it goes out as it is. */
const MAX_CARRY = 2048;

/** Whether this request's HTML gets the loader (GET or HEAD of a reader path). */
export function defersScripts(req) {
  return (req.method === 'GET' || req.method === 'HEAD') && typeof req.url === 'string' && !isStaffPath(req.url);
}

/**
 * A rewriter for one HTML document arriving in pieces: `push(text)` returns what can go out now,
 * `flush()` the rest. Nothing is rewritten before `<head>` has been seen and the loader put in it,
 * so no page is ever left with placeholders and no loader.
 */
export function htmlRewriter() {
  let carry = '';
  let loaderIn = false;
  const rewrite = (text) => {
    if (!loaderIn) {
      const at = text.indexOf(HEAD_OPEN);
      if (at === -1) return text;
      loaderIn = true;
      const cut = at + HEAD_OPEN.length;
      return text.slice(0, cut) + LOADER + rewrite(text.slice(cut));
    }
    return text.replace(SCRIPT_TAG, '<script data-ledger-src="$1">').replace(SCRIPT_PRELOAD, '');
  };
  return {
    push(piece) {
      const text = carry + piece;
      // A tag cut in two by the stream waits for its end.
      const open = text.lastIndexOf('<');
      const held = open !== -1 && text.indexOf('>', open) === -1 && text.length - open <= MAX_CARRY ? open : text.length;
      carry = text.slice(held);
      return rewrite(text.slice(0, held));
    },
    flush() {
      const rest = carry;
      carry = '';
      return rewrite(rest);
    },
  };
}

/** The whole-document form, for tests. */
export function rewriteHtml(html) {
  const rewriter = htmlRewriter();
  return rewriter.push(html) + rewriter.flush();
}

const isHtml = (type) => typeof type === 'string' && /^text\/html\b/i.test(type.trim());

/**
 * Rewrites the HTML Next sends for a reader page (see above). Installed last, so it sees Next's own
 * writes first and everything after it (compression, page copies) gets the rewritten page.
 */
export function hydrateOnIntent(req, res) {
  if (!defersScripts(req)) return;
  const { write, end } = res;
  let decided = false;
  let rewriter = null;
  let decoder = null;

  function decide() {
    if (decided) return;
    decided = true;
    if (!isHtml(res.getHeader('content-type')) || res.hasHeader('content-encoding')) return;
    // The page's length changes.
    res.removeHeader('Content-Length');
    if (req.method === 'HEAD') return;
    rewriter = htmlRewriter();
    decoder = new StringDecoder('utf8');
  }
  // Every piece through one decoder, so a character cut between pieces comes out whole and in order.
  const text = (chunk, encoding) => decoder.write(typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : chunk);

  beforeHead(res, decide);
  res.write = function rewritingWrite(chunk, encodingOrCallback, callback) {
    decide();
    if (!rewriter || chunk === undefined || chunk === null) return write.call(this, chunk, encodingOrCallback, callback);
    const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined;
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    return write.call(this, rewriter.push(text(chunk, encoding)), 'utf8', done);
  };
  res.end = function rewritingEnd(chunk, encodingOrCallback, callback) {
    if (typeof chunk === 'function') return this.end(undefined, undefined, chunk);
    decide();
    if (!rewriter) return end.call(this, chunk, encodingOrCallback, callback);
    const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined;
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    const last = chunk === undefined || chunk === null ? '' : text(chunk, encoding);
    return end.call(this, rewriter.push(last + decoder.end()) + rewriter.flush(), 'utf8', done);
  };
}
