import { describe, expect, it } from 'vitest';
import { clientAddress, servedOverTls } from '../scripts/client-address.mjs';

describe('the client address is taken from the socket unless a trusted proxy says otherwise', () => {
  it.each([
    ['no proxy: a forged X-Forwarded-For is ignored', '6.6.6.6', '10.0.0.9', 0, '10.0.0.9'],
    ['no proxy, no header', undefined, '::ffff:10.0.0.9', 0, '10.0.0.9'],
    ['one proxy: the entry it appended', '6.6.6.6, 203.0.113.7', '10.0.0.1', 1, '203.0.113.7'],
    [
      'one proxy: a client rotating its own entries changes nothing',
      '1.1.1.1, 2.2.2.2, 203.0.113.7',
      '10.0.0.1',
      1,
      '203.0.113.7',
    ],
    ['two proxies', '6.6.6.6, 203.0.113.7, 10.1.1.1', '10.0.0.1', 2, '203.0.113.7'],
    ['a proxy that sent no header: the peer', undefined, '10.0.0.1', 1, '10.0.0.1'],
  ] as const)('%s', (_, forwardedFor, socket, hops, expected) => {
    expect(clientAddress(forwardedFor, socket, hops)).toBe(expected);
  });
});

describe('HSTS is sent only when the client reached the server over TLS', () => {
  it.each([
    ['a TLS socket', true, undefined, 0, true],
    ['plain HTTP', false, undefined, 0, false],
    ['a client claiming https with no trusted proxy', false, 'https', 0, false],
    ['a trusted proxy that terminated TLS', false, 'https', 1, true],
    ['a trusted proxy over plain HTTP', false, 'http', 1, false],
  ] as const)('%s', (_, encrypted, proto, hops, expected) => {
    expect(servedOverTls(encrypted, proto, hops)).toBe(expected);
  });
});
