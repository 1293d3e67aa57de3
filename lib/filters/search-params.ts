/*
 * Free of zod on purpose: client components import this, and importing the filter schemas (./installations.ts)
 * would put the whole validation library into every page's first-load JavaScript.
 */

/** The filter as URL search params (for links that drill down from a chart to the list). */
export function toSearchParams(filter: Partial<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
