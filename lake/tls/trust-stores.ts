// Making browsers and the OS trust the local CA (what `node scripts/certs.ts
// trust` runs). Each store is one step that either does its job or says
// exactly what to run instead; nothing here needs network access.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type TrustOutcome = {
  store: string;
  status: 'installed' | 'already' | 'manual';
  /** What happened, or the exact commands to run by hand. */
  detail: string;
};

export type TrustContext = {
  caPath: string;
  platform: NodeJS.Platform;
  isRoot: boolean;
  home: string;
  /** Whether a program is on PATH; injectable for tests. */
  has(program: string): boolean;
  run(program: string, args: string[]): string;
};

export function systemTrustContext(caPath: string): TrustContext {
  return {
    caPath,
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    home: process.env.HOME || homedir(),
    has: (program) => {
      try {
        execFileSync(process.platform === 'win32' ? 'where' : 'which', [program], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    },
    run: (program, args) => execFileSync(program, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  };
}

/** A nickname unique to this CA, so re-running is idempotent and an old CA is told apart. */
export function caNickname(caPath: string): string {
  const fingerprint = new X509Certificate(readFileSync(caPath)).fingerprint256.replace(/:/g, '').slice(0, 12);
  return `newsroom-lake-ca-${fingerprint.toLowerCase()}`;
}

export function trustEverywhere(context: TrustContext): TrustOutcome[] {
  if (context.platform === 'darwin') return [macKeychain(context)];
  if (context.platform === 'win32') return [windowsStore(context)];
  return [debianSystemStore(context), ...nssDatabases(context)];
}

function debianSystemStore(context: TrustContext): TrustOutcome {
  const store = 'system (update-ca-certificates)';
  const target = `/usr/local/share/ca-certificates/${caNickname(context.caPath)}.crt`;
  const manual = `sudo cp '${context.caPath}' '${target}' && sudo update-ca-certificates`;
  if (!context.has('update-ca-certificates')) {
    return {
      store,
      status: 'manual',
      detail: `update-ca-certificates not found (not Debian/Ubuntu?). Add ${context.caPath} to your distribution's CA store.`,
    };
  }
  if (existsSync(target)) return { store, status: 'already', detail: target };
  if (!context.isRoot) return { store, status: 'manual', detail: `Run as root: ${manual}` };
  mkdirSync('/usr/local/share/ca-certificates', { recursive: true });
  copyFileSync(context.caPath, target);
  context.run('update-ca-certificates', []);
  return { store, status: 'installed', detail: `${target} (curl, wget and other OpenSSL programs trust it now)` };
}

/** Chromium and Firefox on Linux read NSS databases, not the system store. */
function nssDatabases(context: TrustContext): TrustOutcome[] {
  const chromium = join(context.home, '.pki', 'nssdb');
  const firefox = [
    join(context.home, '.mozilla', 'firefox'),
    join(context.home, 'snap', 'firefox', 'common', '.mozilla', 'firefox'),
  ]
    .flatMap((root) => (existsSync(root) ? readdirSync(root).map((name) => join(root, name)) : []))
    .filter((profile) => existsSync(join(profile, 'cert9.db')));
  if (!context.has('certutil')) {
    return [
      {
        store: 'Chromium/Firefox (NSS)',
        status: 'manual',
        detail:
          'certutil not found. Install it (Debian/Ubuntu: `sudo apt-get install libnss3-tools`; Fedora: `sudo dnf install nss-tools`) and run `node scripts/certs.ts trust` again.',
      },
    ];
  }
  const nickname = caNickname(context.caPath);
  return [chromium, ...firefox].map((dir) => {
    const store = `NSS ${dir}`;
    const db = `sql:${dir}`;
    if (!existsSync(join(dir, 'cert9.db'))) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      context.run('certutil', ['-d', db, '-N', '--empty-password']);
    }
    const listed = context.run('certutil', ['-d', db, '-L']);
    if (listed.includes(nickname)) return { store, status: 'already', detail: nickname };
    context.run('certutil', ['-d', db, '-A', '-t', 'C,,', '-n', nickname, '-i', context.caPath]);
    return { store, status: 'installed', detail: `${nickname} (restart the browser)` };
  });
}

function macKeychain(context: TrustContext): TrustOutcome {
  const args = [
    'add-trusted-cert',
    '-d',
    '-r',
    'trustRoot',
    '-k',
    '/Library/Keychains/System.keychain',
    context.caPath,
  ];
  const manual = `sudo security ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
  if (!context.isRoot) return { store: 'macOS System keychain', status: 'manual', detail: `Run: ${manual}` };
  context.run('security', args);
  return {
    store: 'macOS System keychain',
    status: 'installed',
    detail: 'Safari and Chrome trust it now; Firefox: see below.',
  };
}

function windowsStore(context: TrustContext): TrustOutcome {
  const args = ['-addstore', '-user', 'Root', context.caPath];
  try {
    context.run('certutil', args);
    return { store: 'Windows user Root store', status: 'installed', detail: 'Edge and Chrome trust it now.' };
  } catch {
    return { store: 'Windows user Root store', status: 'manual', detail: `Run: certutil ${args.join(' ')}` };
  }
}
