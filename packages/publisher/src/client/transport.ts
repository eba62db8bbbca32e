import { DocgenError } from '@docgen/core';
import { Redactor } from '../redact.js';
import { parseConfluenceUrl, type ConfluenceUrlOptions } from './url.js';
import {
  atlassianMessage,
  ConfluenceError,
  describeFailure,
  SignInRefusedError,
  textSummary,
  UncertainWriteError,
} from './errors.js';

export type Auth =
  { kind: 'basic'; user: string; token: string } | { kind: 'bearer'; token: string } | { kind: 'none' };

export interface TransportOptions {
  auth: Auth;
  fetch?: typeof fetch;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  /** Attempts after the first, for requests that may be retried. */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest Retry-After docgen waits out before giving up with a rate-limit error. */
  maxRetryAfterMs?: number;
  /**
   * How long one request may keep being told to come back later (429, 503 with Retry-After)
   * before docgen gives up: these answers do not use up `retries`, which are for failures.
   */
  rateLimitWindowMs?: number;
  redactor?: Redactor;
  /** Verbose trace: one line per attempt, already redacted. */
  trace?: (line: string) => void;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  /** An array is sent as its key repeated (`status=trashed&status=archived`): OpenAPI's default for a query array. */
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Safe to repeat whatever happened to an earlier attempt (GET, PUT with a version, DELETE, label add). */
  idempotent?: boolean;
  /** What the request is about, for error messages: `page 123`, `space DEV`. */
  what: string;
  /** Statuses the caller handles itself (no error thrown). */
  accept?: number[];
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TransportStats {
  reads: number;
  writes: number;
  retries: number;
  rateLimited: number;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/**
 * The one HTTP transport every dialect uses: auth header, timeouts, retries with exponential
 * backoff and full jitter, a shared pause when Confluence says slow down (429/503 Retry-After,
 * X-RateLimit-Remaining: 0), counters, and errors that say what failed without leaking a token.
 */
export class Transport {
  readonly stats: TransportStats = { reads: 0, writes: 0, retries: 0, rateLimited: 0 };
  readonly redactor: Redactor;
  private readonly options: Required<Omit<TransportOptions, 'trace' | 'redactor' | 'fetch'>> &
    Pick<TransportOptions, 'trace'>;
  private readonly fetchImpl: typeof fetch;
  private readonly authorization?: string;
  /**
   * Endpoints Confluence marked deprecated (`Warning: 299 - "Deprecated API, will be removed on …"`),
   * as `METHOD /path/{id}`, with its words: Atlassian says so on every answer months before the
   * endpoint answers 410 Gone.
   */
  readonly deprecated = new Map<string, string>();
  /** Epoch ms before which no request starts: set by Retry-After and rate-limit headers. */
  private pausedUntil = 0;
  /** The `Date` of the latest answer, with `performance.now()` when it came: see `serverNow`. */
  private serverClock?: { date: number; seenAt: number };

  constructor(options: TransportOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.options = {
      auth: options.auth,
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 8,
      baseDelayMs: options.baseDelayMs ?? 250,
      maxDelayMs: options.maxDelayMs ?? 15_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
      rateLimitWindowMs: options.rateLimitWindowMs ?? 600_000,
      trace: options.trace,
    };
    this.redactor = options.redactor ?? new Redactor();
    const auth = options.auth;
    if (auth.kind === 'basic') {
      this.authorization = `Basic ${Buffer.from(`${auth.user}:${auth.token}`).toString('base64')}`;
      this.redactor.add(auth.token);
    } else if (auth.kind === 'bearer') {
      this.authorization = `Bearer ${auth.token}`;
      this.redactor.add(auth.token);
    }
    if (this.authorization) this.redactor.add(this.authorization.split(' ')[1]);
  }

  async request<T = unknown>(spec: RequestSpec): Promise<Response<T>> {
    const url = buildUrl(spec.url, spec.query);
    const idempotent = spec.idempotent ?? (spec.method === 'GET' || spec.method === 'PUT' || spec.method === 'DELETE');
    const path = this.redactor.redact(new URL(url).pathname);
    // "Not now" answers (429) are counted apart from failures, and bounded by time, not by number.
    let throttled = 0;
    let throttledSince: number | undefined;
    for (let attempt = 0; ; attempt++) {
      await this.waitForGate();
      if (spec.method === 'GET') this.stats.reads++;
      else this.stats.writes++;
      const started = Date.now();
      let response: globalThis.Response;
      try {
        response = await this.fetchImpl(url, {
          method: spec.method,
          headers: this.headers(spec),
          body: spec.form ?? (spec.json === undefined ? undefined : JSON.stringify(spec.json)),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch (error) {
        const reason = networkReason(error);
        this.trace(`${spec.method} ${path} ✗ ${reason} (${Date.now() - started} ms)`);
        // A refused connection never reached the server: any request may be repeated.
        const notSent = reason.includes('ECONNREFUSED') || reason.includes('ENOTFOUND');
        // Nothing listening (or no such host) rarely heals in seconds: two quick retries, then say so.
        // Errors without a network cause (a malformed request) will not heal at all.
        const transient = isTransient(error);
        const budget = !transient ? 0 : notSent ? Math.min(2, this.options.retries) : this.options.retries;
        if ((idempotent || notSent) && attempt < budget) {
          this.stats.retries++;
          await sleep(this.backoff(attempt));
          continue;
        }
        const init = {
          code: 'DG_CONFLUENCE_CONNECT',
          message: `connection failed: ${spec.method} ${path} (${spec.what}): ${reason}`,
          hint: 'check the Confluence URL and that the server is reachable from here',
          method: spec.method,
          path,
        };
        throw idempotent || notSent
          ? new ConfluenceError(init, { cause: error })
          : new UncertainWriteError(init, { cause: error });
      }
      const elapsed = Date.now() - started;
      // First: the rate-limit headers' times are Confluence's.
      this.noteServerDate(response.headers);
      this.noteRateLimitHeaders(response.headers);
      this.noteDeprecation(spec.method, path, response.headers);
      const status = response.status;
      let body: unknown;
      try {
        body = await readBody(response);
      } catch (error) {
        // The connection dropped mid-body: same as a network failure.
        if (idempotent && attempt < this.options.retries) {
          this.stats.retries++;
          this.trace(`${spec.method} ${path} ✗ body cut off (${elapsed} ms)`);
          await sleep(this.backoff(attempt));
          continue;
        }
        const init = {
          code: 'DG_CONFLUENCE_CONNECT',
          message: `connection failed while reading ${spec.what}: ${networkReason(error)}`,
          method: spec.method,
          path,
        };
        throw idempotent ? new ConfluenceError(init) : new UncertainWriteError(init);
      }
      this.trace(`${spec.method} ${path} → ${status} (${elapsed} ms)`);
      if (status < 400 || spec.accept?.includes(status)) {
        // Every REST answer with a body is JSON: a page instead came from something in front of Confluence.
        if (status < 300 && typeof body === 'string') throw this.notJson(spec, path, status, body, response);
        return { status, body: body as T, headers: response.headers };
      }

      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.serverNowOrLocal());
      // 429 means the request was not processed; 503 with Retry-After says the same.
      const notProcessed = status === 429 || (status === 503 && retryAfterMs !== undefined);
      if (status === 429) this.stats.rateLimited++;
      const waitTooLong = retryAfterMs !== undefined && retryAfterMs > this.options.maxRetryAfterMs;
      if (notProcessed && !waitTooLong) {
        throttledSince ??= Date.now();
        // No Retry-After, or one of 0 (a date already past): back off, rather than ask again at once.
        const wait = retryAfterMs || this.backoff(throttled);
        if (Date.now() + wait - throttledSince <= this.options.rateLimitWindowMs) {
          // Confluence said when to come back: every request waits for that, then this one is sent again.
          this.pauseFor(wait);
          this.stats.retries++;
          throttled++;
          attempt--; // not a failed attempt: the retries for failures stay as they were
          await sleep(wait);
          continue;
        }
      }
      // A failure (5xx): retried if repeating the request is safe, a limited number of times.
      if (
        RETRYABLE_STATUS.has(status) &&
        idempotent &&
        !notProcessed &&
        attempt < this.options.retries &&
        !waitTooLong
      ) {
        const wait = Math.max(retryAfterMs ?? 0, this.backoff(attempt));
        if (retryAfterMs !== undefined) this.pauseFor(retryAfterMs);
        this.stats.retries++;
        await sleep(wait);
        continue;
      }
      const message = atlassianMessage(body);
      const refusedWait =
        status === 429 && waitTooLong ? waitRefused(response.headers, this.options.maxRetryAfterMs) : undefined;
      const described: ReturnType<typeof describeFailure> =
        refusedWait ??
        describeFailure(
          status,
          spec.method,
          spec.what,
          [
            message,
            typeof body === 'string' ? body : '',
            `X-Seraph-LoginReason: ${response.headers.get('x-seraph-loginreason') ?? ''}`,
          ].join('\n'),
        );
      const init = {
        code: described.code,
        message: this.redactor.redact(
          `${described.headline}: ${spec.method} ${path} answered ${status}${message ? ` — ${message}` : ''}`,
        ),
        hint: described.hint,
        status,
        atlassianMessage: message && this.redactor.redact(message),
        method: spec.method,
        path,
      };
      // A 5xx on a create may or may not have created the page.
      if (status >= 500 && !idempotent) throw new UncertainWriteError(init);
      if (described.signInRefused) throw new SignInRefusedError(init);
      throw new ConfluenceError(init);
    }
  }

  /**
   * A 2xx answer that is not JSON, most often a single sign-on login page the request was redirected
   * to: it says what answered and where the redirect went (without its query, which carries the
   * sign-on request), instead of letting the caller read fields of a string.
   */
  private notJson(
    spec: RequestSpec,
    path: string,
    status: number,
    body: string,
    response: globalThis.Response,
  ): ConfluenceError {
    const type = (response.headers.get('content-type') ?? 'no content type').split(';')[0]!.trim();
    const page = textSummary(body);
    const landed = response.redirected && response.url ? new URL(response.url) : undefined;
    return new ConfluenceError({
      code: 'DG_CONFLUENCE_NOT_JSON',
      message: this.redactor.redact(
        `not an answer of Confluence's REST API: ${spec.method} ${path} (${spec.what}) answered ${status} with ${type}` +
          `${page ? ` — "${page.slice(0, 120)}"` : ''}${landed ? `, after a redirect to ${landed.origin}${landed.pathname}` : ''}`,
      ),
      hint:
        'something in front of Confluence answered: a single sign-on login page or a proxy. Give the URL Confluence itself answers at ' +
        '(Cloud: https://<site>.atlassian.net/wiki; Data Center: its base URL, with any context path such as /confluence), ' +
        'and credentials the REST API takes without a browser (Cloud: your e-mail and an API token; Data Center: a personal access token)',
      status,
      method: spec.method,
      path,
    });
  }

  private headers(spec: RequestSpec): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
    if (this.authorization) headers.Authorization = this.authorization;
    if (spec.json !== undefined) headers['Content-Type'] = 'application/json';
    return headers;
  }

  private trace(line: string): void {
    this.options.trace?.(this.redactor.redact(line));
  }

  private backoff(attempt: number): number {
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** attempt);
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  private pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  private async waitForGate(): Promise<void> {
    const wait = this.pausedUntil - Date.now();
    if (wait > 0) await sleep(wait);
  }

  /**
   * Confluence's time now, in epoch ms: the `Date` of its latest answer, plus the time passed here
   * since (monotonic); undefined before any answer with a `Date` (a proxy may drop it). For comparing
   * with the times Confluence gives (its pages' dates, a rate limit's reset): this machine's clock
   * may be off by minutes, or days, where Confluence's is not, so each caller decides what to do
   * without it. The header's resolution is a second, which is as close as such a comparison needs.
   */
  serverNow(): number | undefined {
    if (!this.serverClock) return undefined;
    return this.serverClock.date + (performance.now() - this.serverClock.seenAt);
  }

  /** `serverNow`, else this machine's time: a rate limit's wait is better reckoned by it than skipped. */
  private serverNowOrLocal(): number {
    return this.serverNow() ?? Date.now();
  }

  private noteServerDate(headers: Headers): void {
    const date = Date.parse(headers.get('date') ?? '');
    if (!Number.isNaN(date)) this.serverClock = { date, seenAt: performance.now() };
  }

  /** A `Warning: 299 - "…"` (deprecated) on an answer, noted once per endpoint. */
  private noteDeprecation(method: string, path: string, headers: Headers): void {
    const notice = /^\s*299\s+\S+\s+"((?:[^"\\]|\\.)*)"/.exec(headers.get('warning') ?? '')?.[1];
    if (!notice) return;
    const endpoint = `${method} ${path.replace(/\/(att)?\d+(?=\/|$)/g, '/{id}')}`;
    if (this.deprecated.has(endpoint)) return;
    this.deprecated.set(endpoint, notice);
    this.trace(`${endpoint} is deprecated: ${notice}`);
  }

  /**
   * X-RateLimit-Remaining: 0 with a reset time (Cloud), or with a Retry-After on the answer itself
   * (Data Center sends one on every answer: 0 while tokens are left): hold every request until
   * then (capped).
   */
  private noteRateLimitHeaders(headers: Headers): void {
    // Near the limit: leave a little room between requests rather than run into a 429.
    if (headers.get('x-ratelimit-nearlimit') === 'true') this.pauseFor(200);
    const remaining = headers.get('x-ratelimit-remaining');
    if (remaining === null || Number(remaining) > 0) return;
    const reset = headers.get('x-ratelimit-reset');
    if (!reset) {
      const retryAfter = parseRetryAfter(headers.get('retry-after'), this.serverNowOrLocal());
      // One past the longest wait fails the request instead (see `request`): no pause for the others.
      if (retryAfter && retryAfter <= this.options.maxRetryAfterMs) this.pauseFor(retryAfter);
      return;
    }
    const at = /^\d+$/.test(reset) ? Number(reset) * (reset.length > 11 ? 1 : 1000) : Date.parse(reset);
    if (Number.isFinite(at)) this.pauseFor(Math.min(at - this.serverNowOrLocal(), this.options.maxRetryAfterMs));
  }
}

/**
 * A 429 docgen gives up on at once, its Retry-After past the longest wait: say why, not "retries
 * exhausted". Cloud answers an endpoint it gives an account no quota for with `X-RateLimit-Limit: 0`
 * and a Retry-After of Java's Long.MAX_VALUE seconds, which no wait outlasts.
 */
function waitRefused(headers: Headers, maxRetryAfterMs: number): { code: string; headline: string; hint: string } {
  const code = 'DG_CONFLUENCE_RATE_LIMIT';
  if (headers.get('x-ratelimit-limit')?.trim() === '0') {
    return {
      code,
      headline: 'rate limited by Confluence, which allows this account no requests here (X-RateLimit-Limit: 0)',
      hint: 'waiting does not help: Confluence gives this account no quota for this endpoint; ask a site admin or Atlassian support, or publish as another account',
    };
  }
  return {
    code,
    headline: `rate limited by Confluence, which asks to wait longer than docgen waits (${Math.round(maxRetryAfterMs / 1000)} s)`,
    hint: 'try again later',
  };
}

export function buildUrl(url: string, query?: RequestSpec['query']): string {
  if (!query) return url;
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value === 'object') for (const item of value) parsed.searchParams.append(key, item);
    else parsed.searchParams.set(key, String(value));
  }
  return parsed.toString();
}

async function readBody(response: globalThis.Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  if ((response.headers.get('content-type') ?? '').includes('json') || /^[[{]/.test(text.trimStart())) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Retry-After in seconds or as an HTTP date (compared with `now`: Confluence's time, where known), in ms. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

function isTransient(error: unknown): boolean {
  const err = error as { name?: string; cause?: { code?: string } };
  return err?.name === 'TimeoutError' || err?.name === 'AbortError' || typeof err?.cause?.code === 'string';
}

function networkReason(error: unknown): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  const code = err?.cause?.code;
  return [code, err?.cause?.message ?? err?.message].filter(Boolean).join(' ');
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/**
 * Credentials travel over https, or plain http only to this machine. `options.from` and
 * `options.location` say where the URL was given (as for {@link parseConfluenceUrl}): the refusal
 * names it and the https URL to give there instead, not only "use https".
 */
export function assertSafeTransport(
  url: string,
  auth: Auth,
  options: Pick<ConfluenceUrlOptions, 'from' | 'location'> = {},
): void {
  const parsed = parseConfluenceUrl(url);
  if (parsed.protocol === 'https:' || auth.kind === 'none') return;
  const local = ['localhost', '127.0.0.1', '[::1]', '::1'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && local) return;
  const secure = `https://${parsed.host}${parsed.pathname.replace(/\/$/, '')}`;
  throw new DocgenError({
    code: 'DG_CONFLUENCE_INSECURE',
    message: `refusing to send credentials over ${parsed.protocol.replace(':', '')} to ${parsed.host}${options.from ? ` (the URL from ${options.from})` : ''}`,
    location: options.location,
    hint: `give ${options.from ?? 'the Confluence URL'} as ${secure}: a token sent over plain http can be read on the way (plain http is allowed only to localhost, such as the sandbox)`,
  });
}
