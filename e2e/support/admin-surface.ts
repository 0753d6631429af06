import fs from 'node:fs';
import path from 'node:path';

// The dashboard's attack surface, found from the source rather than listed by hand, so a new
// admin action, page or route handler is covered by the access tests the day it is added:
//   - server actions: every export of lib/**/admin-actions.ts and lib/staff/actions.ts;
//   - pages and route handlers: every page.tsx and route.ts under app/admin/(console).
// Used by e2e/admin-access.spec.ts (against the running server) and test/admin-access.test.ts
// (against the source). No Playwright imports here, so vitest can load it too.

const ROOT = path.resolve(__dirname, '../..');

/** Server-action modules anyone may call: they check their own callers (rate limits, tokens). */
export const PUBLIC_ACTION_MODULES = ['lib/auth/actions.ts', 'lib/comments/actions.ts', 'lib/newsletter/actions.ts'];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

export function adminActionModules(): string[] {
  const found = walk(path.join(ROOT, 'lib'))
    .map(relative)
    .filter((f) => f.endsWith('/admin-actions.ts'));
  return [...found, 'lib/staff/actions.ts'].sort();
}

export interface AdminActionSource {
  /** e.g. lib/comments/admin-actions.ts */
  file: string;
  name: string;
  /** How many arguments the action takes: 2 for useActionState's (state, formData), 1 for a plain form action. */
  arity: number;
  /** Calls requireAdmin(): a moderator must be refused. */
  adminOnly: boolean;
  /** The function's source, from `export` to the next top-level export. */
  body: string;
}

/** Every exported function of one action module, read from its source. */
export function exportedActions(file: string): AdminActionSource[] {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  if (!/^['"]use server['"];?\s*$/m.test(source.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('//')) ?? '')) {
    throw new Error(`${file} does not start with 'use server'`);
  }
  // Only `export async function name(...)` is understood; anything else must be taught here
  // rather than slip past the access tests.
  const other = source.match(/^export\s+(?!async function |type |interface )\S.*$/gm);
  if (other) throw new Error(`${file}: teach e2e/support/admin-surface.ts to read this export: ${other[0]}`);
  const starts = [...source.matchAll(/^export async function (\w+)\s*\(([^)]*)\)/gm)];
  return starts.map((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : source.length;
    const body = source.slice(m.index, end);
    const params = m[2]!.split(',').filter((p) => p.trim() !== '');
    return { file, name: m[1]!, arity: params.length, adminOnly: /\brequireAdmin\(/.test(body), body };
  });
}

export function allAdminActions(): AdminActionSource[] {
  return adminActionModules().flatMap(exportedActions);
}

/** app/admin/(console)/subscribers/export/route.ts → /admin/subscribers/export */
export function urlOfAppFile(file: string): string {
  const segments = file
    .replace(/^app\//, '')
    .split('/')
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

export interface ConsoleFile {
  file: string;
  url: string;
  source: string;
  adminOnly: boolean;
}

/** Every page.tsx, route.ts and layout.tsx under app/admin/(console). */
export function consoleFiles(kind: 'page' | 'route' | 'layout'): ConsoleFile[] {
  const pattern = { page: /\/page\.tsx?$/, route: /\/route\.tsx?$/, layout: /\/layout\.tsx?$/ }[kind];
  return walk(path.join(ROOT, 'app/admin/(console)'))
    .map(relative)
    .filter((f) => pattern.test(f))
    .sort()
    .map((file) => {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return { file, url: urlOfAppFile(file), source, adminOnly: /\brequireAdmin\(|staffOrResponse\(\s*['"]admin['"]/.test(source) };
    });
}

/** The HTTP methods a route handler exports. */
export function routeMethods(source: string): string[] {
  return [...source.matchAll(/^export (?:async function|const) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm)].map((m) => m[1]!);
}

export interface ManifestAction {
  id: string;
  file: string;
  name: string;
  /** Pages whose bundle holds the action, e.g. app/admin/(console)/staff/page. */
  workers: string[];
}

/** The server actions of the production build, from .next/server/server-reference-manifest.json. */
export function builtActions(): ManifestAction[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, file: entry.filename, name: entry.exportedName, workers: Object.keys(entry.workers) }));
}
