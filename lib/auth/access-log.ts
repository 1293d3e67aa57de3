import 'server-only';
import { headers } from 'next/headers';
import { type AccessEvent, recordAccessEvent } from '@/lib/data/audit';
import { CLIENT_ADDRESS_HEADER } from '@/scripts/client-address.mjs';

/** The client's address as scripts/server.mjs decided it from the socket and the trusted proxies; null if unknown. */
export async function requestClientAddress(): Promise<string | null> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) || null;
}

/** Writes a sign-in or access event of this request to the audit log, with the client's address. */
export async function logAccess(
  action: AccessEvent,
  userId: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await recordAccessEvent({ action, userId, clientAddress: await requestClientAddress(), detail });
}
