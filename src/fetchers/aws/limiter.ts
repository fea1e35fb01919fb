/**
 * Bounds the calls to one (account, region, service): at most `concurrency` in flight, and a token
 * bucket of `burst` tokens refilled at `ratePerSecond`.
 */
export interface LimiterOptions {
  readonly concurrency: number;
  readonly ratePerSecond: number;
  readonly burst: number;
}

export class Limiter {
  private inFlight = 0;
  private tokens: number;
  private refilledAt = Date.now();
  private readonly waiting: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: LimiterOptions) {
    this.tokens = opts.burst;
  }

  /** Resolves when a call may start; call the returned function when it ends. */
  async acquire(): Promise<() => void> {
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.drain();
    });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.drain();
    };
  }

  private drain(): void {
    this.refill();
    while (this.waiting.length > 0 && this.inFlight < this.opts.concurrency && this.tokens >= 1) {
      this.tokens--;
      this.inFlight++;
      this.waiting.shift()?.();
    }
    if (this.waiting.length > 0 && this.inFlight < this.opts.concurrency && this.timer === undefined) {
      const wait = Math.max(1, Math.ceil(((1 - this.tokens) / this.opts.ratePerSecond) * 1000));
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.drain();
      }, wait);
    }
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.opts.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.opts.ratePerSecond);
    this.refilledAt = now;
  }
}

/** One limiter per key, made on first use. */
export class Limiters {
  private readonly byKey = new Map<string, Limiter>();
  constructor(private readonly opts: LimiterOptions) {}
  get(key: string): Limiter {
    let l = this.byKey.get(key);
    if (!l) this.byKey.set(key, (l = new Limiter(this.opts)));
    return l;
  }
}
