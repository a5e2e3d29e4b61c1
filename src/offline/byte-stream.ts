/** A pull-based stream over an async generator: nothing is read before the reader asks. */
export function streamOf(source: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await source.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

/** Gathers small network pieces into chunks of about `size` bytes for storage. */
export class ChunkBuffer {
  private parts: Uint8Array[] = [];
  private length = 0;
  constructor(readonly size: number) {}

  push(part: Uint8Array): void {
    this.parts.push(part);
    this.length += part.byteLength;
  }

  get full(): boolean {
    return this.length >= this.size;
  }

  get byteLength(): number {
    return this.length;
  }

  take(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    this.parts = [];
    this.length = 0;
    return out;
  }
}

/** 256 KiB: big enough that a lesson is a few hundred records, small enough to never matter. */
export const CHUNK_BYTES = 256 * 1024;
