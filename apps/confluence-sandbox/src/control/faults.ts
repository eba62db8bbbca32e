/**
 * Fault injection for test mode. A rule matches requests by method and a path regex and,
 * when it fires, does one thing: answer with a status, add latency, reset the connection,
 * simulate a concurrent edit so the request meets a real 409, carry the request out and then
 * cut the connection before the answer (`drop`: the write lands, the client never hears), or add
 * headers to the normal answer (`headers`).
 */

/** What a rule can do when it fires, each as the module comment says. */
const FAULT_KINDS = ['status', 'latency', 'reset', 'race', 'drop', 'headers'] as const;

export interface FaultRule {
  /** Assigned by the sandbox when omitted. */
  id?: string;
  /** HTTP method to match (case-insensitive), or a list of them (`["POST", "PUT", "DELETE"]`: every write); omitted = any. */
  method?: string | string[];
  /** JavaScript regular expression tested against the path (query string excluded); omitted = any. */
  path?: string;
  /** What happens when the rule fires. */
  fault: (typeof FAULT_KINDS)[number];
  /** For `status`: 429, 500, 502, 503 (any 4xx/5xx works). */
  status?: number;
  /** For `status`: the error message in the answer (default: the status's reason phrase), e.g. Confluence's words for a refusal. */
  message?: string;
  /** For `status`: seconds sent in `Retry-After` (429 and 503 default to 1). */
  retryAfter?: number;
  /**
   * For `status`: more response headers, as Confluence sends with some refusals, e.g.
   * `{"X-Seraph-LoginReason": "AUTHENTICATION_DENIED"}` (a sign-in locked behind a CAPTCHA). For
   * `headers`: headers added to the request's normal answer, e.g. Atlassian's deprecation notice
   * `{"Warning": "299 - \"Deprecated API, will be removed on …\""}`.
   */
  headers?: Record<string, string>;
  /** For `latency`: milliseconds to wait before handling the request normally. */
  latencyMs?: number;
  /** Chance (0–1) that a matching request triggers the rule; default 1. */
  probability?: number;
  /** Fire at most this many times, then the rule is spent; omitted = unlimited. */
  count?: number;
  /** Let this many matching requests through first: `after: 4` fires from the fifth on (a run that dies at its 5th write). */
  after?: number;
}

export interface ActiveFaultRule extends FaultRule {
  id: string;
  /** How many times the rule has fired. */
  fired: number;
  /** How many requests matched its method and path (fired or let through). */
  matched: number;
}

export class FaultRuleError extends Error {}

export class FaultInjector {
  private rules: ActiveFaultRule[] = [];
  private nextId = 1;

  constructor(private readonly random: () => number = Math.random) {}

  add(rules: FaultRule[]): ActiveFaultRule[] {
    const added = rules.map((rule, i) => this.check(rule, i));
    this.rules.push(...added);
    return added;
  }

  list(): ActiveFaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  /** The rules that fire for this request, in the order they were added; counts are consumed. */
  fire(method: string, path: string): ActiveFaultRule[] {
    const fired: ActiveFaultRule[] = [];
    for (const rule of this.rules) {
      if (rule.count !== undefined && rule.fired >= rule.count) continue;
      if (!methodMatches(rule.method, method)) continue;
      if (rule.path && !new RegExp(rule.path).test(path)) continue;
      rule.matched += 1;
      if (rule.after !== undefined && rule.matched <= rule.after) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.fired += 1;
      fired.push(rule);
    }
    return fired;
  }

  private check(rule: FaultRule, index: number): ActiveFaultRule {
    const where = `rule ${index}`;
    if (!rule || typeof rule !== 'object') throw new FaultRuleError(`${where}: must be an object`);
    if (!FAULT_KINDS.includes(rule.fault)) {
      throw new FaultRuleError(`${where}: "fault" must be one of ${FAULT_KINDS.join(', ')}`);
    }
    if (rule.fault === 'headers' && !rule.headers) {
      throw new FaultRuleError(`${where}: a "headers" fault needs "headers"`);
    }
    if (
      rule.method !== undefined &&
      typeof rule.method !== 'string' &&
      !(Array.isArray(rule.method) && rule.method.every((m) => typeof m === 'string'))
    ) {
      throw new FaultRuleError(`${where}: "method" must be a method name or a list of them`);
    }
    if (rule.fault === 'status' && !(Number.isInteger(rule.status) && rule.status! >= 400 && rule.status! <= 599)) {
      throw new FaultRuleError(`${where}: a "status" fault needs "status" between 400 and 599`);
    }
    if (
      rule.headers !== undefined &&
      (typeof rule.headers !== 'object' || !Object.values(rule.headers).every((v) => typeof v === 'string'))
    ) {
      throw new FaultRuleError(`${where}: "headers" must be an object of header names and string values`);
    }
    if (rule.message !== undefined && typeof rule.message !== 'string') {
      throw new FaultRuleError(`${where}: "message" must be a string`);
    }
    if (rule.fault === 'latency' && !(typeof rule.latencyMs === 'number' && rule.latencyMs >= 0)) {
      throw new FaultRuleError(`${where}: a "latency" fault needs "latencyMs" >= 0`);
    }
    if (rule.path !== undefined) {
      try {
        new RegExp(rule.path);
      } catch (error) {
        throw new FaultRuleError(`${where}: "path" is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
      throw new FaultRuleError(`${where}: "probability" must be between 0 and 1`);
    }
    if (rule.count !== undefined && !(Number.isInteger(rule.count) && rule.count >= 0)) {
      throw new FaultRuleError(`${where}: "count" must be a whole number`);
    }
    if (rule.after !== undefined && !(Number.isInteger(rule.after) && rule.after >= 0)) {
      throw new FaultRuleError(`${where}: "after" must be a whole number`);
    }
    return { ...rule, id: rule.id ?? `fault-${this.nextId++}`, fired: 0, matched: 0 };
  }
}

function methodMatches(wanted: string | string[] | undefined, method: string): boolean {
  if (wanted === undefined) return true;
  return (Array.isArray(wanted) ? wanted : [wanted]).some((m) => m.toUpperCase() === method.toUpperCase());
}
