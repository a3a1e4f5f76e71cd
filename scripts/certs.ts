// node scripts/certs.ts trust   — make this machine's browsers and OS trust the lake's local CA (once per user)
// node scripts/certs.ts path    — print the CA certificate's path (for NODE_EXTRA_CA_CERTS, curl --cacert, ...)
// node scripts/certs.ts status  — print what there is and what is due for renewal (`path` and the lake renew it); makes nothing
// All take [--dir <tls dir>] (default LAKE_TLS_DIR or the per-user config dir) and
// [--project-id <id>] (the server certificate also covers <id>.localhost; default LAKE_PROJECT_ID or "local").
import { parseArgs } from 'node:util';
import {
  ensureLocalCertificates,
  type LocalCertificatesOptions,
  loopbackHosts,
  readLocalCertificates,
} from '../lake/tls/local-certificates.ts';
import { defaultTlsDir } from '../lake/tls/tls-dir.ts';
import { systemTrustContext, trustEverywhere } from '../lake/tls/trust-stores.ts';
import { commandLineOrExit, commandOrComplain } from './support/command-line.ts';

const USAGE = 'Usage: node scripts/certs.ts trust|path|status [--dir <dir>] [--project-id <id>]';

function main(): number {
  const parsed = commandLineOrExit(parse, USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const command = commandOrComplain(positionals, { trust: undefined, path: undefined, status: undefined }, USAGE);
  if (!command) return 2;
  const projectId = values['project-id'] ?? process.env.LAKE_PROJECT_ID ?? 'local';
  const options = { dir: values.dir ?? defaultTlsDir(), hosts: loopbackHosts([projectId]) };
  if (command === 'status') return status(options, values.dir);
  const certificates = ensureLocalCertificates(options);
  if (command === 'path') {
    process.stdout.write(`${certificates.caCertPath}\n`);
    return 0;
  }
  const outcomes = trustEverywhere(systemTrustContext(certificates.caCertPath));
  process.stdout.write(`Local CA: ${certificates.caCertPath}\n`);
  for (const outcome of outcomes) process.stdout.write(`  [${outcome.status}] ${outcome.store}: ${outcome.detail}\n`);
  process.stdout.write(
    `\nNode tools: export NODE_EXTRA_CA_CERTS='${certificates.caCertPath}'\n` +
      'Firefox without certutil: Settings → Privacy & Security → View Certificates → Authorities → Import, tick "websites".\n',
  );
  return outcomes.some((outcome) => outcome.status === 'manual') ? 1 : 0;
}

/** What the directory holds, as JSON; it only reads, so asking about a mistyped --dir leaves no CA there. */
function status(options: LocalCertificatesOptions, dirFlag: string | undefined): number {
  const found = readLocalCertificates(options);
  if (!found) {
    const again = dirFlag === undefined ? '' : ` --dir '${dirFlag}'`;
    process.stderr.write(
      `There is no local CA in ${options.dir}.\n` +
        `What to do: make one with \`node scripts/certs.ts trust${again}\`, which also has this machine trust it ` +
        '(`npm start` makes one on first use too).\n',
    );
    return 1;
  }
  const { dir, caCertPath, caExpires, serverExpires, hosts, due } = found;
  process.stdout.write(`${JSON.stringify({ dir, ca: caCertPath, caExpires, serverExpires, hosts, due })}\n`);
  return 0;
}

function parse() {
  return parseArgs({
    options: { dir: { type: 'string' }, 'project-id': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
}

process.exitCode = main();
