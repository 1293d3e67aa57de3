import fs from 'node:fs';
import path from 'node:path';

/**
 * The product's whole HTTP surface, read from the file system and the build rather than listed by hand, so a page,
 * route handler or server action added tomorrow is in the tenant-isolation matrix without anyone remembering it
 * (docs/decisions/0015-isolation-matrix-route-discovery.md).
 */

const root = path.resolve(import.meta.dirname, '..', '..');
const appDir = path.join(root, 'app');

export interface PageRoute {
  kind: 'page';
  /** The URL pattern: route groups removed, dynamic segments as `[id]`. */
  route: string;
}

export interface HandlerRoute {
  kind: 'handler';
  route: string;
  method: string;
}

export interface ServerAction {
  kind: 'action';
  /** The action id Next's client sends in the `Next-Action` header. */
  id: string;
  /** `<module>#<export>`, e.g. `app/(dashboard)/incidents/actions.ts#raiseIncidentAction`. */
  name: string;
  /** URL patterns of the pages whose bundles carry the action: it is invoked by POSTing to one of them. */
  pages: string[];
}

export type Surface = PageRoute | HandlerRoute | ServerAction;

export function surfaceKey(entry: Surface): string {
  switch (entry.kind) {
    case 'page':
      return `page ${entry.route}`;
    case 'handler':
      return `${entry.method} ${entry.route}`;
    case 'action':
      return `action ${entry.name}`;
  }
}

function filesNamed(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** `app/(dashboard)/incidents/[id]/page.tsx` → `/incidents/[id]`. */
export function urlPattern(appRelativeDir: string): string {
  const segments = appRelativeDir
    .split(/[\\/]/)
    .filter((s) => s !== '' && s !== '.' && !(s.startsWith('(') && s.endsWith(')')));
  return `/${segments.join('/')}`;
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The HTTP methods a route handler module exports (`export function GET`, `export const POST = …`). */
export function exportedMethods(source: string): string[] {
  const declared = new RegExp(
    `export\\s+(?:async\\s+)?(?:function\\s+|const\\s+|let\\s+)(${HTTP_METHODS.join('|')})\\b`,
    'g',
  );
  const reexported = /export\s*\{([^}]*)\}/g;
  const found = new Set([...source.matchAll(declared)].map((m) => m[1] as string));
  for (const [, names = ''] of source.matchAll(reexported)) {
    for (const name of names.split(',')) {
      const exported =
        name
          .split(/\s+as\s+/)
          .pop()
          ?.trim() ?? '';
      if (HTTP_METHODS.includes(exported)) found.add(exported);
    }
  }
  return [...found].sort();
}

export function discoverPages(): PageRoute[] {
  return filesNamed(appDir, 'page.tsx')
    .map((file) => ({ kind: 'page' as const, route: urlPattern(path.relative(appDir, path.dirname(file))) }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

export function discoverHandlers(): HandlerRoute[] {
  return filesNamed(appDir, 'route.ts')
    .flatMap((file) => {
      const route = urlPattern(path.relative(appDir, path.dirname(file)));
      const methods = exportedMethods(fs.readFileSync(file, 'utf8'));
      if (methods.length === 0) throw new Error(`${file} exports no HTTP method the matrix recognises.`);
      return methods.map((method) => ({ kind: 'handler' as const, route, method }));
    })
    .sort((a, b) => surfaceKey(a).localeCompare(surfaceKey(b)));
}

interface ReferenceManifest {
  node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
}

function readBuildJson<T>(relative: string): T {
  const file = path.join(root, '.next', relative);
  if (!fs.existsSync(file))
    throw new Error(`${file} is missing: the matrix reads the build (run next build).`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** Every server action of the build, from `.next/server/server-reference-manifest.json`. */
export function discoverActions(): ServerAction[] {
  const manifest = readBuildJson<ReferenceManifest>('server/server-reference-manifest.json');
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      if (!entry.filename || !entry.exportedName) {
        throw new Error(`Server action ${id} has no module or export name in the build's manifest.`);
      }
      return {
        kind: 'action' as const,
        id,
        name: `${entry.filename}#${entry.exportedName}`,
        // Workers are `app/(dashboard)/incidents/[id]/page`: the page bundles that can run the action.
        pages: Object.keys(entry.workers)
          .filter((worker) => worker.startsWith('app/') && worker.endsWith('/page'))
          .map((worker) => urlPattern(worker.slice('app/'.length, -'/page'.length))),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The pages and handlers the build knows (`.next/server/app-paths-manifest.json`), as URL patterns. The matrix
 * checks they equal the file system's, so a route defined any other way (a `.js` page, a `route.tsx`) is noticed.
 */
export function builtRoutes(): string[] {
  const manifest = readBuildJson<Record<string, string>>('server/app-paths-manifest.json');
  return Object.keys(manifest)
    .filter((key) => !key.startsWith('/_'))
    .map((key) => urlPattern(key.replace(/\/(page|route)$/, '')))
    .sort();
}

export function discoverSurface(): Surface[] {
  return [...discoverPages(), ...discoverHandlers(), ...discoverActions()];
}
