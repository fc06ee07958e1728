/**
 * Turns many concurrent one-item calls into few many-item calls. A call made while `maxInFlight`
 * batches are already out waits, with the calls that arrive meanwhile, for the next batch; a
 * call made while a slot is free goes out at once (with whatever else arrived in the same tick).
 * So a quiet server answers as before, and a surge of requests costs a few database round
 * trips instead of one each.
 *
 * `run` answers its items in order: the result at index i is item i's. If it throws, every
 * call of that batch is rejected with the error.
 */
export class Batcher<Item, Result> {
  private readonly run: (items: Item[]) => Promise<Result[]>;
  private readonly maxInFlight: number;
  private readonly maxBatch: number;
  private queue: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(run: (items: Item[]) => Promise<Result[]>, options: { maxInFlight: number; maxBatch: number }) {
    this.run = run;
    this.maxInFlight = options.maxInFlight;
    this.maxBatch = options.maxBatch;
  }

  load(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled && this.inFlight < this.maxInFlight) {
        this.scheduled = true;
        queueMicrotask(() => {
          this.scheduled = false;
          this.dispatch();
        });
      }
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.queue.slice(0, this.maxBatch);
      this.queue = this.queue.slice(batch.length);
      this.inFlight++;
      // A `run` that throws at once fails its batch like one that rejects: no slot is lost.
      new Promise<Result[]>((resolve) => resolve(this.run(batch.map((call) => call.item))))
        .then(
          (results) => batch.forEach((call, i) => call.resolve(results[i] as Result)),
          (error: unknown) => batch.forEach((call) => call.reject(error)),
        )
        .finally(() => {
          this.inFlight--;
          this.dispatch();
        });
    }
  }
}
