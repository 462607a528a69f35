import net from "node:net";

/**
 * A TCP proxy in front of the machine's PostgreSQL that a test can cut and restore, so that a
 * server sees its database go away and come back (as across a restart) while the real
 * PostgreSQL, which other tests and people use, keeps running.
 */
export interface TcpProxy {
  readonly port: number;
  /** The given postgres:// URL with its host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string;
  /** Connections open through the proxy right now. */
  openConnections(): number;
  /** Destroys every connection and refuses new ones (the port stops listening) until restore(). */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  /**
   * Cuts (as cut()) the moment a client sends bytes containing `text` (e.g. the SQL of a statement,
   * sent on a connection that has not prepared it yet), before they reach PostgreSQL. Resolves then.
   */
  cutWhenClientSends(text: string): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number } = { host: "127.0.0.1", port: 5432 }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let trigger: { text: string; fire: () => void } | null = null;
  let listening = false;

  const destroyAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const forget = () => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", forget);
    upstream.on("error", forget);
    client.on("close", forget);
    upstream.on("close", forget);
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    client.on("data", (chunk: Buffer) => {
      if (trigger && chunk.includes(trigger.text)) {
        const { fire } = trigger;
        trigger = null;
        fire();
        return; // these bytes never reach PostgreSQL
      }
      upstream.write(chunk);
    });
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        listening = true;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
    });

  await listen(0);
  const { port } = server.address() as net.AddressInfo;

  const cut = async () => {
    const closed = stopListening();
    destroyAll();
    await closed;
  };

  return {
    port,
    urlFor(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    openConnections: () => sockets.size / 2,
    cut,
    async restore() {
      if (!listening) await listen(port);
    },
    cutWhenClientSends(text) {
      return new Promise<void>((resolve) => {
        trigger = {
          text,
          fire: () => {
            void cut().then(resolve);
          },
        };
      });
    },
    async close() {
      trigger = null;
      await cut();
    },
  };
}
