#!/usr/bin/env node
// The production server (`npm start` runs it after building): Next.js's request handler behind a plain Node
// HTTP server, so that the client's address is decided here, from the socket, where no client can forge it
// (scripts/client-address.mjs), and HSTS is sent only over TLS.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { CLIENT_ADDRESS_HEADER, clientAddress, servedOverTls } from './client-address.mjs';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 3000);
/** Proxies in front of the server that append to X-Forwarded-For (0: the server faces clients directly). */
const trustedHops = Number(process.env.MCC_TRUSTED_PROXY_HOPS ?? 0);

const app = next({ dev: false, dir: root, port });
await app.prepare();
const handle = app.getRequestHandler();

http
  .createServer((request, response) => {
    request.headers[CLIENT_ADDRESS_HEADER] =
      clientAddress(request.headers['x-forwarded-for'], request.socket.remoteAddress, trustedHops) ?? '';
    const overTls = servedOverTls(
      'encrypted' in request.socket,
      request.headers['x-forwarded-proto'],
      trustedHops,
    );
    if (overTls) response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    handle(request, response);
  })
  .listen(port, () => console.log(`Migration Control Centre dashboard on http://localhost:${port}`));
