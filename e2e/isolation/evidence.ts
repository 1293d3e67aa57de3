import type { Answer } from './client';

/** What in an answer is B's: any marker, unless the attacker sent that very string itself (a search box echoes). */
export function leakDetector(markers: readonly string[]) {
  const escaped = [...new Set(markers)]
    .sort((a, b) => b.length - a.length)
    .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // A marker counts as a whole token: B's 9-digit MPRN inside a 13-digit timestamp is not B's MPRN.
  const pattern = new RegExp(`(?<![\\w])(?:${escaped.join('|')})(?![\\w])`, 'g');
  return (answer: Answer, sent: string): string[] => {
    const text = `${answer.body}\n${[...answer.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}`;
    const echoed = decodeURIComponent(sent.replaceAll('+', ' '));
    return [...new Set([...text.matchAll(pattern)].map((m) => m[0]))].filter((m) => !echoed.includes(m));
  };
}

/** Headers that differ between any two requests, whatever they asked for. */
const PER_REQUEST_HEADERS = new Set([
  'date',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

/**
 * Per-request randomness (CSP nonces, one-time form keys, boundary keys) and the ids asked for, so two 404s can be
 * compared. Both answers are given both ids: B's id `1` also turns an incidental `"1"` into `<id>`, in both.
 */
function normalise(text: string, ids: readonly number[] = []): string {
  let out = text
    .replace(/nonce-[A-Za-z0-9+/=_-]+/g, 'nonce-…')
    .replace(/nonce="[^"]*"/g, 'nonce="…"')
    // The RSC payload's `"nonce":"…"`, also inside the document's inline script as `\"nonce\":\"…\"`.
    .replace(/(nonce\\*":\\*")[A-Za-z0-9+/=_-]+/g, '$1…')
    // Next keys its viewport and metadata boundaries with a random id per request (`["$","$L15","kQOe…v",…`).
    .replace(/(\\*"\$L[0-9a-f]+\\*",\\*")[A-Za-z0-9_-]{20,}(?=\\*")/g, '$1…')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>');
  // An id as a path segment or a quoted value (`/imports/8`, `"k":"8"`), never a digit of `utf-8` or a chunk name.
  for (const id of ids) out = out.replace(new RegExp(`(?<=[/"])${id}(?![\\w.-])`, 'g'), '<id>');
  return out;
}

/**
 * An RSC stream (alone, or inline in a document) sends its rows in the order they finish rendering and numbers them
 * as they go: timing, not data. Compared as a sorted list with the row numbers taken out, the content still must
 * match row for row.
 */
function flightRows(body: string): string[] {
  return body
    .split(/\\n|\n/)
    .map((row) => row.replace(/^[0-9a-f]+:/, '#:').replace(/\$([LhQ@]?)[0-9a-f]+(?=\\*"|\])/g, '$$$1#'))
    .sort();
}

/**
 * What a page shows, for "did anything change": the text of its `<main>`. The document around it (which scripts
 * are preloaded, in which order the payload streamed) varies with timing between two renders of the same data.
 */
export function pageContent(body: string): string {
  const main = /<main[\s\S]*<\/main>/.exec(normalise(body))?.[0];
  if (!main) throw new Error('The page has no <main>: was it a page at all?');
  return main
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An answer as an attacker can observe it: status, headers that are not per-request, body. */
export function observable(answer: Answer, ids: readonly number[]) {
  return {
    status: answer.status,
    headers: Object.fromEntries(
      [...answer.headers]
        .filter(([name]) => !PER_REQUEST_HEADERS.has(name))
        .map(([name, value]) => [name, normalise(value, ids)]),
    ),
    body: flightRows(normalise(answer.body, ids)),
  };
}
