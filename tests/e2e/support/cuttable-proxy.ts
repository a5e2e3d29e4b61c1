import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort } from '../../../src/qa/free-port.ts';

/**
 * A TCP proxy in front of the server whose signal can be cut: every open connection is torn
 * down mid-transfer and new ones are refused, as when a phone loses coverage (which often does
 * not flip `navigator.onLine`).
 */
export class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  private readonly server: Server;

  private constructor(
    private readonly targetPort: number,
    readonly port: number,
    private readonly bytesPerSecond: number,
  ) {
    this.server = createServer((client) => this.relay(client));
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

  restoreSignal(): void {
    this.cut = false;
  }

  async close(): Promise<void> {
    this.cutSignal();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private relay(client: Socket): void {
    if (this.cut) {
      client.destroy();
      return;
    }
    const upstream = connect(this.targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream);
    if (this.bytesPerSecond === Infinity) upstream.pipe(client);
    else this.throttle(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  private throttle(from: Socket, to: Socket): void {
    const started = Date.now();
    let sent = 0;
    from.on('data', (chunk: Buffer) => {
      to.write(chunk);
      sent += chunk.byteLength;
      const due = started + (1000 * sent) / this.bytesPerSecond - Date.now();
      if (due > 0) {
        from.pause();
        setTimeout(() => from.resume(), due);
      }
    });
    from.on('end', () => to.end());
  }
}
