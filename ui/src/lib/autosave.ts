// Autosave without a save button. Each editable field gets a saver: typing schedules a write after a short
// pause (and at least every `maxWait` ms while typing goes on), and every saver is flushed when the window is
// about to close, so nothing typed is lost. Writes of one saver never overlap: the latest value wins.

export interface Saver<T> {
  /** Record a new value; it is written after `delay` ms of quiet (or `maxWait` ms at most). */
  schedule(value: T): void;
  /** Write the pending value now, if any, and wait until every write has landed. */
  flush(): Promise<void>;
  /** True while a value is waiting or being written. */
  readonly busy: boolean;
  /**
   * True while a value newer than the one being written waits: scheduled, or taken and queued behind it. (Read
   * from inside a write, as `shownAfter` does, the write itself does not count.)
   */
  readonly pending: boolean;
  /** Forget this saver (after flushing it). */
  dispose(): Promise<void>;
}

export interface SaverOptions {
  delay?: number;
  maxWait?: number;
  onError?: (error: unknown) => void;
  onSaved?: () => void;
}

const live = new Set<Saver<unknown>>();
/** Writes of the record that are not autosaves (an added speaker, a reordered list) while they run. */
const writes = new Set<Promise<unknown>>();

/**
 * Mirrors whether anything typed or done is still unwritten on the page's root element (`data-saves`,
 * "pending" or "idle"), so that a tool driving the window (the end-to-end tests) can wait for it.
 */
function publish() {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.saves = anyBusy() ? 'pending' : 'idle';
}

/** Counts `write` as unwritten work until it settles (it is awaited by `flushAll`). */
export function track<T>(write: Promise<T>): Promise<T> {
  writes.add(write);
  publish();
  const done = () => {
    writes.delete(write);
    publish();
  };
  write.then(done, done);
  return write;
}

export function createSaver<T>(write: (value: T) => Promise<void>, options: SaverOptions = {}): Saver<T> {
  const delay = options.delay ?? 350;
  const maxWait = options.maxWait ?? 2000;
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstScheduledAt: number | null = null;
  let inflight: Promise<void> = Promise.resolve();
  // Values taken from `pending` whose write has not finished: the one being written and any queued behind it.
  let queued = 0;

  const run = (): Promise<void> => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    firstScheduledAt = null;
    if (pending === null) return inflight;
    const { value } = pending;
    pending = null;
    queued++;
    inflight = inflight.then(async () => {
      try {
        await write(value);
        options.onSaved?.();
      } catch (error) {
        options.onError?.(error);
      } finally {
        queued--;
        publish();
      }
    });
    return inflight;
  };

  const saver: Saver<T> = {
    schedule(value: T) {
      pending = { value };
      const now = Date.now();
      firstScheduledAt ??= now;
      if (timer !== null) clearTimeout(timer);
      const wait = Math.max(0, Math.min(delay, firstScheduledAt + maxWait - now));
      timer = setTimeout(() => void run(), wait);
      publish();
    },
    async flush() {
      await run();
    },
    get busy() {
      return pending !== null || queued > 0;
    },
    get pending() {
      return pending !== null || queued > 1;
    },
    async dispose() {
      await run();
      live.delete(saver as Saver<unknown>);
      publish();
    },
  };
  live.add(saver as Saver<unknown>);
  return saver;
}

/** What a field's save indicator shows. */
export type SaveIndicator = 'idle' | 'saving' | 'saved';

/**
 * The indicator once a write returned (`ok` is its result): "Saved" only when none of the field's `savers`
 * holds a newer value still to write, else still "Saving…"; nothing after a failure (which was shown).
 */
export function shownAfter(ok: unknown, ...savers: Saver<unknown>[]): SaveIndicator {
  if (!ok) return 'idle';
  return savers.some((s) => s.pending) ? 'saving' : 'saved';
}

/**
 * Flush every live saver and wait for every tracked write; called before the window closes, before switching
 * meetings or tabs, and before showing changes from another machine.
 */
export async function flushAll(): Promise<void> {
  await Promise.all([...[...live].map((s) => s.flush()), ...[...writes].map((w) => w.catch(() => {}))]);
}

export function anyBusy(): boolean {
  return writes.size > 0 || [...live].some((s) => s.busy);
}
