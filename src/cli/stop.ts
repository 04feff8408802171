/**
 * Resolves when the server command (dev, studio) should stop: Ctrl+C, a
 * termination signal, a closed terminal, or the wrapper that started us gone.
 */
export function untilStopped(): Promise<void> {
  return new Promise<void>((done) => {
    // `npx jianbao dev` runs us under npm and a shell: when that wrapper is killed, we are orphaned
    // (our parent changes) without a signal. Stop then too, instead of serving on forever.
    const parent = process.ppid;
    const orphaned = setInterval(() => {
      if (process.ppid !== parent) stop();
    }, 500);
    const stop = () => {
      clearInterval(orphaned);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.off('SIGHUP', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.on('SIGHUP', stop);
  });
}
