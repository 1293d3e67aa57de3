import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorPanel } from '@/components/states/error-panel';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/database-unavailable';

function panel(digest: string) {
  const error = Object.assign(new Error('detail the browser never sees'), { digest });
  return renderToStaticMarkup(createElement(ErrorPanel, { error, reset: () => {} }));
}

describe('The error page', () => {
  it('says the database is unavailable, to try again in a moment, when that is the cause', () => {
    const html = panel(DATABASE_UNAVAILABLE_DIGEST);
    expect(html).toContain('The database is unavailable');
    expect(html).toContain('Try again in a moment.');
    expect(html).not.toContain(DATABASE_UNAVAILABLE_DIGEST);
  });

  it('gives any other failure the generic sentence and its reference', () => {
    const html = panel('1234567');
    expect(html).toContain('This page could not be shown');
    expect(html).toContain('1234567');
    expect(html).not.toContain('detail the browser never sees');
  });
});
