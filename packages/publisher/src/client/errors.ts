import { DocgenError } from '@docgen/core';

/**
 * A failed Confluence request, in words a user can act on. The message always carries the HTTP
 * status and Atlassian's own message; it never carries a header, so never a token.
 */
export class ConfluenceError extends DocgenError {
  readonly status?: number;
  readonly atlassianMessage?: string;
  readonly method: string;
  readonly path: string;

  constructor(
    init: {
      code: string;
      message: string;
      hint?: string;
      status?: number;
      atlassianMessage?: string;
      method: string;
      path: string;
    },
    options?: { cause?: unknown },
  ) {
    super({ code: init.code, message: init.message, hint: init.hint }, options);
    this.name = 'DocgenError';
    this.status = init.status;
    this.atlassianMessage = init.atlassianMessage;
    this.method = init.method;
    this.path = init.path;
  }
}

/**
 * A write whose outcome is unknown (timeout, connection reset, 5xx after the body was sent).
 * Retrying a create blindly could make a duplicate, so callers look the page up first.
 */
export class UncertainWriteError extends ConfluenceError {}

/**
 * A sign-in Confluence refused and said why (a CAPTCHA to answer, Basic auth turned off, a token
 * sent the wrong way): its hint is the fix for that reason, which a caller's hint about the
 * credentials in general should not replace.
 */
export class SignInRefusedError extends ConfluenceError {}

/** Pull Atlassian's message out of a v1 envelope (`{message}`) or a v2 one (`{errors:[{title,detail}]}`). */
export function atlassianMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? textSummary(body) : undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.message === 'string' && record.message) return record.message;
  if (Array.isArray(record.errors) && record.errors.length > 0) {
    return record.errors
      .map((e: Record<string, unknown>) => [e.title, e.detail].filter((x) => typeof x === 'string' && x).join(': '))
      .filter(Boolean)
      .join('; ');
  }
  if (typeof record.errorMessage === 'string') return record.errorMessage;
  // Cloud's edge refuses a bearer token it cannot read with `{"error": "…"}`.
  if (typeof record.error === 'string' && record.error) return record.error;
  return undefined;
}

/**
 * A text answer in a line. Proxies in front of Confluence (nginx, a load balancer, a sign-on
 * gateway) answer with HTML pages: their title says what happened (`502 Bad Gateway`), the markup
 * says nothing; without a title, the page's words.
 */
export function textSummary(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^<(!doctype|html|head|body)[\s>]/i.test(trimmed)) return trimmed ? trimmed.slice(0, 500) : undefined;
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
  // Tomcat's error page (Data Center runs on Tomcat) says the cause after a bold "Message".
  const tomcat = /<b>Message<\/b>\s*([^<]+)/i.exec(trimmed)?.[1]?.trim();
  const said = title && tomcat ? `${title}: ${tomcat}` : title;
  const words = (said ?? trimmed.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
  return words ? words.slice(0, 200) : undefined;
}

/** Where each kind of Confluence answers, for hints about a wrong URL. */
export const URL_SHAPES =
  'Cloud: https://<site>.atlassian.net/wiki; Data Center: the URL its pages are under, with its context path if it has one (such as https://confluence.example.com/confluence)';

/**
 * Refusals of how the caller signed in, which Confluence answers with 403 as often as 401: what
 * Atlassian says (`message`, or the page a Tomcat or proxy answered), and what to give instead.
 */
const SIGN_IN_REFUSALS: Array<{ said: RegExp; headline?: string; hint: string }> = [
  {
    // Data Center says it in a header only (`X-Seraph-LoginReason`), which the transport passes on.
    said: /X-Seraph-LoginReason: AUTHENTICATION_DENIED/i,
    headline: 'authentication refused: the account must answer a CAPTCHA first (too many failed logins)',
    hint: 'sign in to Confluence once in a browser as this account and answer the CAPTCHA (or ask an admin to reset its failed login count), then run again; check the credentials first, since failed logins set it off',
  },
  {
    // Data Center's Tomcat names the scheme it refused; a personal access token works as a bearer token only.
    said: /Basic Authentication Failure/i,
    headline: 'authentication refused: the user name and password or token were refused (Basic auth)',
    hint: "a Data Center personal access token goes alone: leave CONFLUENCE_USER (CONFLUENCE_EMAIL, confluence.user) unset and docgen sends it as a bearer token; with a user name, the token must be that user's password",
  },
  {
    said: /Failed to parse Connect Session Auth Token/i,
    hint: 'Confluence Cloud takes an API token with the e-mail of its account (Basic auth), not alone as a bearer token: set CONFLUENCE_USER (or CONFLUENCE_EMAIL, confluence.user) to your Atlassian e-mail; an OAuth 2.0 access token goes in CONFLUENCE_ACCESS_TOKEN',
  },
  {
    said: /Basic Auth(entication)?\b.*\bdisabled/i,
    hint: 'this Data Center refuses a user name with a password or token (Basic auth): give a personal access token alone (CONFLUENCE_API_TOKEN, without CONFLUENCE_USER), which docgen sends as a bearer token',
  },
  {
    said: /not permitted to use Confluence/i,
    hint: 'the account has no access to Confluence on this site: check that the URL is the site the account uses, and ask a site admin to give it Confluence access',
  },
];

/**
 * Map a status to a code, a headline and a next step (`signInRefused`: a refusal whose reason Confluence said). `what` names the thing requested; `said` is
 * what the answer said (Atlassian's message, or the text of a page), read to tell a refused
 * sign-in from a missing permission.
 */
export function describeFailure(
  status: number,
  method: string,
  what: string,
  said = '',
): { code: string; headline: string; hint?: string; signInRefused?: boolean } {
  const refusal = status === 401 || status === 403 ? SIGN_IN_REFUSALS.find((r) => r.said.test(said)) : undefined;
  if (refusal)
    return {
      code: 'DG_CONFLUENCE_AUTH',
      headline: refusal.headline ?? 'authentication refused',
      hint: refusal.hint,
      signInRefused: true,
    };
  // Confluence's own 404s are JSON about a space, page or user; the servlet container's HTML page,
  // or Jersey's "null for uri", says no REST API is at that path: the URL is wrong, nothing is missing.
  if (status === 404 && /null for uri|<html|<!doctype html/i.test(said)) {
    return {
      code: 'DG_CONFLUENCE_URL',
      headline: 'no Confluence REST API at this URL',
      hint: `check the Confluence URL: ${URL_SHAPES}`,
    };
  }
  if (status === 401) {
    return {
      code: 'DG_CONFLUENCE_AUTH',
      headline: 'authentication failed',
      hint: 'check CONFLUENCE_USER and CONFLUENCE_API_TOKEN (Cloud: your Atlassian e-mail and an API token; Data Center: a personal access token); scoped tokens need the api.atlassian.com gateway URL',
    };
  }
  if (status === 403) {
    const permission = method === 'GET' ? 'view' : method === 'DELETE' ? 'delete (or archive)' : 'add/edit';
    return {
      code: 'DG_CONFLUENCE_PERMISSION',
      headline: `permission denied: the user lacks the "${permission}" permission for ${what}`,
      hint: 'ask a space admin to grant the permission to the account docgen uses',
    };
  }
  if (status === 404) {
    return {
      code: 'DG_CONFLUENCE_NOT_FOUND',
      headline: `${what} not found (or the user may not view it)`,
      hint: 'check the space key / page id, and that the account can view it',
    };
  }
  if (status === 409) return { code: 'DG_CONFLUENCE_CONFLICT', headline: `conflict while writing ${what}` };
  if (status === 413)
    return {
      code: 'DG_CONFLUENCE_TOO_LARGE',
      headline: `${what} is too large for Confluence`,
      hint: 'split the page; Confluence rejects bodies over 5 MB',
    };
  if (status === 429)
    return {
      code: 'DG_CONFLUENCE_RATE_LIMIT',
      headline: 'rate limited by Confluence, retries exhausted',
      hint: 'lower --concurrency or try again later',
    };
  if (status === 400)
    return { code: 'DG_CONFLUENCE_BAD_REQUEST', headline: `Confluence rejected the request for ${what}` };
  if (status >= 500)
    return {
      code: 'DG_CONFLUENCE_SERVER',
      headline: `Confluence failed to answer for ${what}`,
      hint: 'the server had a problem; re-run, docgen converges where it stopped',
    };
  return { code: 'DG_CONFLUENCE_HTTP', headline: `unexpected answer for ${what}` };
}
