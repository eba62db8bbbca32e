/* eslint-disable @typescript-eslint/no-explicit-any -- test helpers hand back arbitrary JSON bodies */
// Small HTTP helpers for tests that talk to a real sandbox over loopback.
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export function basic(email = 'dev@example.com', token = 'sandbox-token'): string {
  return 'Basic ' + Buffer.from(`${email}:${token}`).toString('base64');
}

export class Api {
  constructor(
    readonly url: string,
    private readonly authorization: string | null = basic(),
  ) {}

  /** The same API with other credentials; `undefined` sends none. */
  as(authorization: string | undefined): Api {
    return new Api(this.url, authorization ?? null);
  }

  async call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const init: RequestInit = {
      method,
      headers: {
        ...(this.authorization ? { authorization: this.authorization } : {}),
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    };
    const response = await fetch(this.url + path, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = any>(path: string) {
    return this.call<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call<T>('POST', path, body, headers);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.call<T>('PUT', path, body);
  }
  delete<T = any>(path: string) {
    return this.call<T>('DELETE', path);
  }

  /** The DEV space as Cloud v2 shows it. */
  async devSpace(): Promise<{ id: string; homepageId: string; key: string }> {
    const reply = await this.get('/wiki/api/v2/spaces?keys=DEV');
    return reply.body.results[0];
  }

  async createPage(title: string, value = '<p>x</p>', extra: Record<string, unknown> = {}) {
    const space = await this.devSpace();
    return this.post('/wiki/api/v2/pages', {
      spaceId: space.id,
      status: 'current',
      title,
      body: { representation: 'storage', value },
      ...extra,
    });
  }

  async updatePage(id: string, title: string, value: string, number: number) {
    return this.put(`/wiki/api/v2/pages/${id}`, {
      id,
      status: 'current',
      title,
      body: { representation: 'storage', value },
      version: { number, message: `v${number}` },
    });
  }
}

export function attachmentForm(
  filename: string,
  data: string | Buffer,
  type = 'text/plain',
  comment?: string,
): FormData {
  const form = new FormData();
  form.append('file', new Blob([data], { type }), filename);
  form.append('minorEdit', 'true');
  if (comment) form.append('comment', comment);
  return form;
}
