/** A clock that only moves when the engine sleeps; every wait is recorded. */
export interface FakeTime {
  readonly clock: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly waits: number[];
  advance(ms: number): void;
}

export function createFakeTime(start = Date.UTC(2026, 2, 1, 8, 0, 0)): FakeTime {
  let now = start;
  const waits: number[] = [];
  return {
    clock: () => now,
    waits,
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      waits.push(ms);
      if (signal?.aborted === true) return;
      now += ms;
    },
  };
}
