import { formatLondonDateTime, formatUtc } from '@/lib/format';

/** An instant in London time, with the UTC instant on hover: how every time in the product is shown. */
export function LondonTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatLondonDateTime(iso)}
    </time>
  );
}
