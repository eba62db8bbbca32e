export interface LoggedRequest {
  /** Increases by one per request, so a test can ask for what came after a point. */
  seq: number;
  method: string;
  path: string;
  query: string;
  status: number;
  durationMs: number;
  /** The fault that answered or delayed this request, if any. */
  fault?: string;
  at: string;
}

/** The last `capacity` API requests, oldest first. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  constructor(private readonly capacity = 10_000) {}

  add(entry: Omit<LoggedRequest, 'seq' | 'at'>): void {
    this.entries.push({ ...entry, seq: ++this.seq, at: new Date().toISOString() });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  since(seq = 0): LoggedRequest[] {
    return this.entries.filter((entry) => entry.seq > seq);
  }

  clear(): void {
    this.entries = [];
  }
}
