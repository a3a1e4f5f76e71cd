// Starts an HTTP server listening and gives back what every local service
// here needs: its URL, its port, and a close that does not wait for
// keep-alive connections. A port already taken is a clear error, not an
// uncaught 'error' event.
import type { Server } from 'node:http';

export type Listening = { url: string; port: number; server: Server; close: () => Promise<void> };

export type ListenOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The host name the URL uses, when it should not be the address (e.g. localhost). */
  urlHost?: string;
  /** What the server is and the variable that sets its port, for the error when the port is taken. */
  service: string;
  portVariable?: string;
};

export async function listenHttp(server: Server, options: ListenOptions): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  const wanted = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portInUse(wanted, options) : error);
    server.once('error', onError);
    server.listen(wanted, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const urlHost = options.urlHost ?? (host.includes(':') ? `[${host}]` : host);
  return {
    url: `http://${urlHost}:${port}`,
    port,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function portInUse(port: number, options: ListenOptions): Error {
  const choose = options.portVariable ? `, or set ${options.portVariable} to a free port` : '';
  return Object.assign(new Error(`Port ${port} is in use, so ${options.service} cannot listen there.`), {
    name: 'PortInUse',
    hint: `Stop what uses port ${port} (another \`npm start\`?)${choose}.`,
  });
}
