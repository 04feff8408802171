/** The time spent in some steps of a command (the printing of PDFs, the writing of Word files), apart from the rest. */
export interface StepTimer {
  /** Run `work`, adding its duration. */
  time<T>(work: () => Promise<T>): Promise<T>;
  /** Seconds spent in `time` so far. */
  seconds(): number;
}

export function stepTimer(): StepTimer {
  let total = 0;
  return {
    async time(work) {
      const started = performance.now();
      try {
        return await work();
      } finally {
        total += (performance.now() - started) / 1000;
      }
    },
    seconds: () => total,
  };
}
