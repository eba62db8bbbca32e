/**
 * Fault injection for test mode. A rule matches requests by method and a path regex and,
 * when it fires, does one thing: answer with a status, add latency, reset the connection,
 * or simulate a concurrent edit so the request meets a real 409.
 */
export interface FaultRule {
  /** Assigned by the sandbox when omitted. */
  id?: string;
  /** HTTP method to match (case-insensitive); omitted = any. */
  method?: string;
  /** JavaScript regular expression tested against the path (query string excluded); omitted = any. */
  path?: string;
  /** What happens when the rule fires. */
  fault: 'status' | 'latency' | 'reset' | 'race';
  /** For `status`: 429, 500, 502, 503 (any 4xx/5xx works). */
  status?: number;
  /** For `status`: seconds sent in `Retry-After` (429 and 503 default to 1). */
  retryAfter?: number;
  /** For `latency`: milliseconds to wait before handling the request normally. */
  latencyMs?: number;
  /** Chance (0–1) that a matching request triggers the rule; default 1. */
  probability?: number;
  /** Fire at most this many times, then the rule is spent; omitted = unlimited. */
  count?: number;
}

export interface ActiveFaultRule extends FaultRule {
  id: string;
  /** How many times the rule has fired. */
  fired: number;
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
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path && !new RegExp(rule.path).test(path)) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.fired += 1;
      fired.push(rule);
    }
    return fired;
  }

  private check(rule: FaultRule, index: number): ActiveFaultRule {
    const where = `rule ${index}`;
    if (!rule || typeof rule !== 'object') throw new FaultRuleError(`${where}: must be an object`);
    if (!['status', 'latency', 'reset', 'race'].includes(rule.fault)) {
      throw new FaultRuleError(`${where}: "fault" must be one of status, latency, reset, race`);
    }
    if (rule.fault === 'status' && !(Number.isInteger(rule.status) && rule.status! >= 400 && rule.status! <= 599)) {
      throw new FaultRuleError(`${where}: a "status" fault needs "status" between 400 and 599`);
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
    return { ...rule, id: rule.id ?? `fault-${this.nextId++}`, fired: 0 };
  }
}
