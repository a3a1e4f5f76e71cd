// Checks that the ports npm start will listen on are free before anything
// starts, so a second `npm start` (or anything else on 3333) is reported by
// port and variable instead of failing halfway through.
import { createServer } from 'node:net';

export async function assertPortsFree(ports: Record<string, number>, host = '127.0.0.1'): Promise<void> {
  for (const [variable, port] of Object.entries(ports)) {
    if (port === 0 || (await isFree(port, host))) continue;
    throw Object.assign(new Error(`Port ${port} (${variable}) is already in use.`), {
      name: 'PortInUse',
      hint: `Stop what listens there (another \`npm start\`?), or choose another port: ${variable}=<port> npm start.`,
    });
  }
}

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
