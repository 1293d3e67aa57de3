import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The Origin check runs before anything reads the viewer or the database: these stand-ins prove it.
const getViewer = vi.hoisted(() => vi.fn());
vi.mock('@/lib/auth/viewer', () => ({ getViewer }));
vi.mock('@/lib/auth/access-log', () => ({ logAccess: vi.fn() }));

const { fromThisSite, withWritePermission } = await import('@/lib/http');

const post = (headers: Record<string, string>) =>
  new Request('http://127.0.0.1:3000/api/imports', { method: 'POST', headers });

describe('a change from another site is refused (CSRF)', () => {
  it.each([
    ['this site', { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }, true],
    [
      'this site behind a proxy',
      { origin: 'https://mcc.example', host: '10.0.0.5:3000', 'x-forwarded-host': 'mcc.example' },
      true,
    ],
    ['another site', { origin: 'https://evil.example', host: '127.0.0.1:3000' }, false],
    ['another port', { origin: 'http://127.0.0.1:3001', host: '127.0.0.1:3000' }, false],
    ['no Origin', { host: '127.0.0.1:3000' }, false],
    ['an opaque Origin', { origin: 'null', host: '127.0.0.1:3000' }, false],
  ])('%s', (_, headers, allowed) => {
    expect(fromThisSite(post(headers))).toBe(allowed);
  });

  it('answers 403 with no-store and never reaches the viewer or the handler', async () => {
    const handler = vi.fn(async () => new Response('changed'));
    const response = await withWritePermission(
      post({ origin: 'https://evil.example', host: '127.0.0.1:3000' }),
      'imports.view',
      handler,
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(handler).not.toHaveBeenCalled();
    expect(getViewer).not.toHaveBeenCalled();
  });
});

describe('every route handler that changes data checks the Origin', () => {
  const root = path.resolve(import.meta.dirname, '..');
  const routes = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) return routes(relative);
      return entry.name === 'route.ts' ? [relative] : [];
    });
  const writing = routes('app').filter((file) =>
    /export (async function|const) (POST|PUT|PATCH|DELETE)\b/.test(
      fs.readFileSync(path.join(root, file), 'utf8'),
    ),
  );

  it('finds the handlers that change data', () => {
    expect(writing).toContain('app/api/imports/route.ts');
  });

  it.each(writing)('%s goes through withWritePermission', (file) => {
    expect(fs.readFileSync(path.join(root, file), 'utf8')).toMatch(/withWritePermission\(request,/);
  });
});
