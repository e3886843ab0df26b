// Keep the thread busy with work while something runs in the background
// (a directory listing on libuv's thread pool), yielding to the event loop
// about once a millisecond so that the background work can make progress.

/** Runs `work` on each item, then waits for `background`; resolves to the milliseconds still waited. */
export async function whileWaiting<T>(background: Promise<void>, items: Iterable<T>, work: (item: T) => void): Promise<number> {
  let finished = false
  void background.then(() => (finished = true))
  let yielded = performance.now()
  for (const item of items) {
    work(item)
    if (!finished && performance.now() - yielded >= 1) {
      await new Promise((resume) => setImmediate(resume))
      yielded = performance.now()
    }
  }
  const waiting = performance.now()
  await background
  return performance.now() - waiting
}
