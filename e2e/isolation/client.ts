import { createRequire } from 'node:module';
import { DEMO_PASSWORD } from '../fixtures';
import { discoverActions, type ServerAction } from './surface';

/**
 * Plain HTTP against the running production server, no browser: a session is a cookie, a server action is invoked
 * exactly as Next's client does (React's own `encodeReply` for the arguments, the `Next-Action` header, a POST to
 * a page that carries the action).
 */

// Next ships the React flight client it uses in the browser; its Node build serialises arguments the same way.
const flight = createRequire(import.meta.url)(
  'next/dist/compiled/react-server-dom-turbopack/client.node',
) as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

/**
 * The value a server action returned, from its flight answer: row 0 is `{"a":"$@<row>",…}` and that row holds the
 * value. The actions return plain JSON (lib/actions/result.ts), so no client references need resolving.
 */
function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const row = /^([0-9a-f]+):(.*)$/.exec(line);
    if (row?.[1] !== undefined && row[2] !== undefined) rows.set(row[1], row[2]);
  }
  const root = rows.get('0');
  const pointer = root ? (JSON.parse(root) as { a?: unknown }).a : undefined;
  if (typeof pointer !== 'string' || !pointer.startsWith('$@')) return undefined;
  const value = rows.get(pointer.slice(2));
  return value === undefined ? undefined : JSON.parse(value);
}

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
  /** For a server action: the value the action returned, when the response carried one. */
  result?: unknown;
}

/** A server action's arguments as the form would post them: the matrix's actions all take (previous, FormData). */
export type ActionFields = Record<string, string>;

function actionByName(name: string): ServerAction {
  const found = discoverActions().find((a) => a.name === name);
  if (!found) throw new Error(`The build has no server action ${name}.`);
  return found;
}

const SIGN_IN = 'app/(auth)/login/actions.ts#signIn';

export class Session {
  private constructor(
    readonly baseURL: string,
    /** The `Cookie` header, or null for an anonymous visitor. */
    readonly cookie: string | null,
  ) {}

  static anonymous(baseURL: string): Session {
    return new Session(baseURL, null);
  }

  /** Signs in through the sign-in action, as the login form does, and keeps the session cookie. */
  static async signIn(baseURL: string, email: string): Promise<Session> {
    const answer = await Session.anonymous(baseURL).action(SIGN_IN, '/login', {
      email,
      password: DEMO_PASSWORD,
    });
    const cookie = answer.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    if (!cookie) throw new Error(`Signing in as ${email} set no cookie (status ${answer.status}).`);
    return new Session(baseURL, cookie);
  }

  async request(path: string, init: RequestInit = {}): Promise<Answer> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('Cookie', this.cookie);
    const response = await fetch(new URL(path, this.baseURL), { ...init, headers, redirect: 'manual' });
    return { status: response.status, headers: response.headers, body: await response.text() };
  }

  async json<T>(path: string): Promise<T> {
    const answer = await this.request(path);
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body}`);
    return JSON.parse(answer.body) as T;
  }

  async text(path: string): Promise<string> {
    const answer = await this.request(path);
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
    return answer.body;
  }

  /** Invokes a server action (`<module>#<export>`) from `page`, with the form's fields. */
  async action(name: string, page: string, fields: ActionFields): Promise<Answer> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    const answer = await this.request(page, {
      method: 'POST',
      headers: { 'Next-Action': actionByName(name).id, Origin: this.baseURL, Accept: 'text/x-component' },
      body: await flight.encodeReply([undefined, form]),
    });
    if (!answer.headers.get('content-type')?.startsWith('text/x-component')) return answer;
    return { ...answer, result: actionResult(answer.body) };
  }
}
