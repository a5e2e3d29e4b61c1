import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort } from '../../../src/qa/free-port.ts';

/**
 * A TCP proxy in front of the server whose signal can be lost, as when a phone loses coverage
 * (which often does not flip `navigator.onLine`): either every open connection is torn down
 * mid-transfer and new ones are refused (`cutSignal`), or nothing moves any more while every
 * connection stays open, new ones included (`silenceSignal`), until `restoreSignal`.
 */
export class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private silent = false;
  /** What waits for the signal to come back: paused transfers, unanswered connections. */
  private readonly onRestore: Array<() => void> = [];
  private readonly server: Server;

  private constructor(
    private readonly targetPort: number,
    readonly port: number,
    private readonly bytesPerSecond: number,
  ) {
    this.server = createServer((client) => this.accept(client));
  }

  /**
   * `bytesPerSecond` limits what reaches the browser: throttling inside the browser would not
   * do, since the bytes would already have arrived and a cut would come too late.
   */
  static async start(targetPort: number, bytesPerSecond = Infinity): Promise<CuttableProxy> {
    const proxy = new CuttableProxy(targetPort, await freePort(), bytesPerSecond);
    await new Promise<void>((resolve) => proxy.server.listen(proxy.port, '127.0.0.1', resolve));
    return proxy;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  cutSignal(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  /** Nothing arrives and nothing closes: transfers hang where they are, as on a dead cell. */
  silenceSignal(): void {
    this.silent = true;
  }

  restoreSignal(): void {
    this.cut = false;
    this.silent = false;
    for (const resume of this.onRestore.splice(0)) resume();
  }

  async close(): Promise<void> {
    this.cutSignal();
    this.onRestore.length = 0;
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket): void {
    if (this.cut) {
      client.destroy();
      return;
    }
    this.track(client);
    if (this.silent) this.onRestore.push(() => this.relay(client));
    else this.relay(client);
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
  }

  private relay(client: Socket): void {
    if (client.destroyed) return;
    const upstream = connect(this.targetPort, '127.0.0.1');
    this.track(upstream);
    client.pipe(upstream);
    this.forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /**
   * Server to browser, at `bytesPerSecond`, and not at all while the signal is silent. Time a
   * connection spent idle earns no burst: a reused keep-alive connection is as slow as a new one.
   */
  private forward(from: Socket, to: Socket): void {
    let freeAt = 0;
    const next = () => {
      if (this.silent) this.onRestore.push(() => from.resume());
      else from.resume();
    };
    from.on('data', (chunk: Buffer) => {
      from.pause();
      const deliver = () => {
        to.write(chunk);
        freeAt = Math.max(freeAt, Date.now()) + (1000 * chunk.byteLength) / this.bytesPerSecond;
        const due = freeAt - Date.now();
        if (due > 0) setTimeout(next, due);
        else next();
      };
      if (this.silent) this.onRestore.push(deliver);
      else deliver();
    });
    from.on('end', () => to.end());
  }
}
