import { spawn } from 'node:child_process';

/** Runs a project script with this Node (24), streaming its output; rejects on failure. */
export function runNodeScript(script: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${script} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}
