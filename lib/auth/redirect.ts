/**
 * Where to send a reader after sign-in: only a path on this site. Browsers read `\` as `/` and drop tabs and
 * newlines, so `/\evil.example` or `/<tab>/evil.example` would leave the site; a newline would break the header.
 * The target is resolved against a stand-in origin and kept only if it stays there.
 */
const SITE = 'http://mcc.invalid';

/** Set by proxy.ts on every request: the path and query asked for, whatever the client sent. */
export const REQUEST_PATH_HEADER = 'x-mcc-request-path';

function hasBackslashOrControl(text: string): boolean {
  return [...text].some((char) => char === '\\' || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}

/** The sign-in page, returning to `path` afterwards when it is a page of this site other than the overview. */
export function signInPathFor(path: string | null | undefined): string {
  const target = safeRedirectTarget(path);
  return target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`;
}

export function safeRedirectTarget(next: string | null | undefined): string {
  if (!next?.startsWith('/') || hasBackslashOrControl(next)) return '/';
  try {
    const url = new URL(next, SITE);
    return url.origin === SITE ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
}
