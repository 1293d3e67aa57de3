'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

/** How often live views refresh in the background. */
export const LIVE_REFRESH_MS = 30_000;

/**
 * Server-prefetched JSON that keeps itself fresh in the background until the user pauses it. A refresh
 * replaces the data in place, so scroll position, focus and filters are never lost.
 */
export function useLiveQuery<T>(url: string, initialData: T) {
  const [paused, setPaused] = useState(false);
  const query = useQuery({
    queryKey: [url],
    queryFn: async (): Promise<T> => {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(response.status === 401 ? 'signed-out' : `HTTP ${response.status}`);
      return (await response.json()) as T;
    },
    initialData,
    initialDataUpdatedAt: Date.now(),
    refetchInterval: paused ? false : LIVE_REFRESH_MS,
  });
  // Resuming fetches at once: a reader who resumes expects today's figures, not ones up to 30 s older.
  const setPausedAndCatchUp = (next: boolean) => {
    setPaused(next);
    if (!next) void query.refetch();
  };
  // initialData guarantees data is present; the overloads cannot see that through a generic T.
  return { ...query, data: query.data as T, paused, setPaused: setPausedAndCatchUp };
}

export type LiveQuery<T> = ReturnType<typeof useLiveQuery<T>>;
