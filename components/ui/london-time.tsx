import { formatLondonDate, formatLondonDateTime, formatUtc } from '@/lib/format';

/**
 * An instant in London time, with the UTC instant on hover: how every time in the product is shown. A dense list
 * shows the day only, the London time joining the UTC instant on hover.
 */
export function LondonTime({ iso, dayOnly = false }: { iso: string; dayOnly?: boolean }) {
  return (
    <time
      dateTime={iso}
      title={dayOnly ? `${formatLondonDateTime(iso)} · ${formatUtc(iso)}` : formatUtc(iso)}
    >
      {dayOnly ? formatLondonDate(iso) : formatLondonDateTime(iso)}
    </time>
  );
}
