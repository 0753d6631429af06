import fs from 'node:fs';
import path from 'node:path';
import type { Access } from '../../lib/auth/roles';

// The dashboard's attack surface, found rather than listed by hand, so a new admin action, page
// or route handler is covered by the access tests the day it is added:
//   - server actions: every export of lib/**/admin-actions.ts and lib/staff/actions.ts, as the
//     build lists them (the unit test imports the modules and calls each export);
//   - pages and route handlers: every page.tsx and route.ts under app/admin/(console).
// Used by e2e/admin-access.spec.ts (against the running server) and test/admin-access.test.ts
// (against the source). No Playwright imports here, so vitest can load it too.

const ROOT = path.resolve(__dirname, '../..');

/** Server-action modules anyone may call: they check their own callers (rate limits, tokens). */
export const PUBLIC_ACTION_MODULES = [
  'lib/auth/actions.ts',
  'lib/comments/actions.ts',
  'lib/comments/commenter-actions.ts',
  'lib/newsletter/actions.ts',
  'lib/privacy/actions.ts',
];

/**
 * Modules whose `'use cache'` reads the build lists beside the server actions: Next can call such
 * a function as a server function, by an id the build makes and no page sends, so each must
 * return only what any reader may see. A cached read anywhere else fails the access test.
 */
export const CACHED_READ_MODULES = [
  'lib/articles/queries.ts',
  'lib/comments/feed.ts',
  'lib/comments/queries.ts',
  'lib/newsletter/archive.ts',
  'lib/site-pages/pages.ts',
];

/** A `'use cache'` function in the manifest: the compiler names it, not an export of its module. */
export const isCachedRead = (action: { name: string }) => action.name.startsWith('$$RSC_SERVER_CACHE_');

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

export interface AdminAction {
  /** e.g. lib/comments/admin-actions.ts */
  file: string;
  name: string;
  /** Who may call it (staffAction's `role`); every other role must be refused. */
  access: Access;
}

/**
 * The role an action declares to staffAction (lib/auth/staff-action.ts), read from its module.
 * test/admin-access.test.ts imports every module and checks this against the role the action
 * really enforces, so the two cannot drift apart.
 */
export function declaredRole(file: string, name: string): Access {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const start = source.indexOf(`export const ${name} = staffAction`);
  if (start < 0) throw new Error(`${file}: ${name} is not made with staffAction`);
  const options = source.slice(start, source.indexOf('=>', start));
  return (/role: '(\w+)'/.exec(options)?.[1] as Access | undefined) ?? 'moderator';
}

/** Every admin action the production build exports (read from its server-reference manifest). */
export function allAdminActions(): AdminAction[] {
  const modules = adminActionModules();
  return builtActions()
    .filter((a) => modules.includes(a.file))
    .filter((a, i, all) => all.findIndex((b) => b.file === a.file && b.name === a.name) === i)
    .map(({ file, name }) => ({ file, name, access: declaredRole(file, name) }))
    .sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`));
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
  /** What its guard asks for: requireStaff('editor'), requireAdmin(), staffOrResponse('admin'), … */
  access: Access;
}

/** Every page.tsx, route.ts and layout.tsx under app/admin/(console), and the staff previews (app/admin/preview). */
export function consoleFiles(kind: 'page' | 'route' | 'layout'): ConsoleFile[] {
  const pattern = { page: /\/page\.tsx?$/, route: /\/route\.tsx?$/, layout: /\/layout\.tsx?$/ }[kind];
  return [...walk(path.join(ROOT, 'app/admin/(console)')), ...walk(path.join(ROOT, 'app/admin/preview'))]
    .map(relative)
    .filter((f) => pattern.test(f))
    .sort()
    .map((file) => {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return { file, url: urlOfAppFile(file), source, access: guardAccess(source) };
    });
}

function guardAccess(source: string): Access {
  if (/\brequireAdmin\(/.test(source)) return 'admin';
  return (/\b(?:requireStaff|staffOrResponse)\(\s*'(\w+)'/.exec(source)?.[1] as Access | undefined) ?? 'staff';
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
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    file: entry.filename,
    name: entry.exportedName,
    workers: Object.keys(entry.workers),
  }));
}

/**
 * A server action of the production build, with a page it can be posted to (its path): the access
 * tests, the newsroom journey and the newsroom benchmark call actions as a browser would.
 */
export function builtAction(file: string, name: string): ManifestAction & { path: string } {
  const entry = builtActions().find((b) => b.file === file && b.name === name);
  if (!entry) throw new Error(`${file}#${name} is not in .next/server/server-reference-manifest.json: run \`npm run build\``);
  // A console page without dynamic segments, so the path can be requested as it is.
  const worker =
    entry.workers.find((w) => w.startsWith('app/admin/(console)/') && !w.includes('[')) ??
    entry.workers.find((w) => w.startsWith('app/admin/(console)/')) ??
    entry.workers[0]!;
  const path = `/${worker
    .replace(/^app\//, '')
    .replace(/\/page$/, '')
    .split('/')
    .filter((s) => !/^\(.*\)$/.test(s))
    .join('/')}`;
  return { ...entry, path };
}
