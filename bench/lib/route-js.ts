import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { ROOT } from '../../test/support/paths';
import type { Table } from './table';

// What JavaScript a route makes a browser fetch before it can interact, read from the build's own
// manifests (.next/build-manifest.json for the framework, each page's client reference manifest
// for the rest), with its size as stored, gzipped and as brotli (what the server sends: the
// precompressed files of lib/http/compression.mjs).

const NEXT_DIR = path.join(ROOT, '.next');

interface RscManifest {
  entryJSFiles?: Record<string, string[]>;
}

function pageManifest(route: string): RscManifest | null {
  const file = path.join(NEXT_DIR, 'server', 'app', route, 'page_client-reference-manifest.js');
  if (!fs.existsSync(file)) return null;
  const context: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, RscManifest> } = {};
  context.globalThis = context;
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), context);
  return context.__RSC_MANIFEST?.[`${route}/page`] ?? null;
}

/** The scripts a route loads first: the framework's, then its layouts' and page's own. */
export function firstLoadScripts(route: string): string[] | null {
  const manifest = pageManifest(route);
  if (!manifest) return null;
  const build = JSON.parse(fs.readFileSync(path.join(NEXT_DIR, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  const files = new Set<string>(build.rootMainFiles ?? []);
  for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const file of list) files.add(file);
  return [...files].filter((f) => f.endsWith('.js'));
}

function sizes(file: string) {
  const body = fs.readFileSync(path.join(NEXT_DIR, file));
  const stored = path.join(NEXT_DIR, `${file}.br`);
  const br = fs.existsSync(stored)
    ? fs.statSync(stored).size
    : zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length, br };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** JavaScript before interaction, per reader route: a table for the bench's report. */
export function routeScriptsTable(routes: { label: string; route: string }[]): Table & { title: string } {
  const rows = routes.map(({ label, route }) => {
    const files = firstLoadScripts(route);
    if (!files) return [label, 'not in this build', '-', '-', '-', '-'];
    const total = files
      .map(sizes)
      .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, br: a.br + b.br }), { raw: 0, gzip: 0, br: 0 });
    return [label, String(files.length), kib(total.raw), kib(total.gzip), kib(total.br), total.gzip <= 150 * 1024 ? 'met' : 'NOT met'];
  });
  return {
    title:
      'JavaScript a first visit loads to be interactive, by route: at once with a mouse, at the first touch on a phone (budget: 150 KB gzip, framework included)',
    headers: ['route', 'files', 'as built', 'gzip', 'brotli (sent)', 'budget'],
    rows,
    numeric: [1, 2, 3, 4],
  };
}
