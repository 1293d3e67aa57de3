// The client's address, decided once at the edge of the server (scripts/server.mjs) from the socket and the
// proxies the deployment says it trusts. A header the client wrote itself is never taken at its word: with no
// trusted proxy, X-Forwarded-For is ignored entirely (its leftmost entry is whatever the client sent).

/** The header the server sets for the app; any value a client sends under this name is overwritten. */
export const CLIENT_ADDRESS_HEADER = 'x-mcc-client-address';

/**
 * @param {string | undefined} forwardedFor the X-Forwarded-For header as received
 * @param {string | undefined} socketAddress the TCP peer
 * @param {number} trustedHops how many proxies in front of the server append to X-Forwarded-For
 * @returns {string | null}
 */
export function clientAddress(forwardedFor, socketAddress, trustedHops) {
  const peer = socketAddress?.replace(/^::ffff:/, '') || null;
  if (!trustedHops || !forwardedFor) return peer;
  const chain = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Each trusted proxy appended the address it saw; the client is the entry just before the last trusted hop.
  return chain.at(-trustedHops) ?? peer;
}

/**
 * Whether the client reached us over TLS, so HSTS may be sent: the socket itself is TLS, or a trusted proxy says
 * it terminated TLS. A client's own X-Forwarded-Proto is ignored when no proxy is trusted.
 * @param {boolean} socketEncrypted
 * @param {string | string[] | undefined} forwardedProto
 * @param {number} trustedHops
 */
export function servedOverTls(socketEncrypted, forwardedProto, trustedHops) {
  if (socketEncrypted) return true;
  return trustedHops > 0 && String(forwardedProto ?? '').startsWith('https');
}
