// What the numbers were measured on, for the results file.
import { cpus, freemem, totalmem } from 'node:os';

export function describeMachine(): string {
  const cpu = cpus();
  const gib = (n: number) => `${(n / 2 ** 30).toFixed(1)} GiB`;
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${gib(totalmem())} RAM (${gib(freemem())} free at start), Node ${process.version}, ${process.platform} ${process.arch}`;
}
