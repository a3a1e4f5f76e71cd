// The data, build, Studio, lake and account scripts' arguments as an operator types them: --help prints the
// usage and exits 0; an unknown flag, a missing required one, exits 2 with the
// problem and the usage, never a stack trace or "received NaN".
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLake } from '../../lake/index.ts';

const script = (name: string) => join(import.meta.dirname, '../../scripts', name);

type Run = { code: number; stdout: string; stderr: string };

function run(name: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    // A script that starts serving when it should have refused is stopped, and fails the test.
    execFile(process.execPath, [script(name), ...args], { env, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe.each([
  'import.ts',
  'export.ts',
  'generate.ts',
  'seed.ts',
  'build.ts',
  'studio.ts',
  'lake.ts',
  'token.ts',
  'certs.ts',
  'editor.ts',
  'webhooks.ts',
])('%s', (name) => {
  // Scripts with several subcommands list them one per line under "Usage:".
  const usage = new RegExp(`Usage:\\s+node scripts/${name.replace('.', '\\.')}`);

  it('prints its usage for --help and exits 0', async () => {
    const { code, stdout, stderr } = await run(name, ['--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(new RegExp(`^${usage.source}`));
  });

  it('refuses an unknown flag with the usage and exit 2', async () => {
    const { code, stderr } = await run(name, ['--bogus']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--bogus'");
    expect(stderr).toMatch(usage);
  });
});

// The long-running services take no arguments. `npm start --help` once started
// the whole newsroom; each is run here with a setting that stops it at once
// (a bad port, no webhook secret), so one that ignored its arguments fails
// fast instead of serving.
describe.each([
  ['start.ts', { LAKE_PORT: 'not-a-port' }],
  ['edge.ts', { SITE_PORT: 'not-a-port' }],
  ['publisher.ts', { NEWSROOM_WEBHOOK_SECRET: '' }],
])('%s', (name, broken) => {
  const env = { ...process.env, ...broken };

  it('prints its usage for --help and exits 0, before reading its settings', async () => {
    const { code, stdout, stderr } = await run(name, ['--help'], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(new RegExp(`^Usage: node scripts/${name.replace('.', '\\.')}\n`));
  });

  it('refuses an unknown flag or an argument with the usage and exit 2', async () => {
    for (const args of [['--bogus'], ['extra']]) {
      const { code, stdout, stderr } = await run(name, args, env);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(/^(Unknown option '--bogus'|Unexpected argument 'extra')/);
      expect(stderr).toContain(`Usage: node scripts/${name}`);
    }
  });
});

// Scripts with subcommands say which was missing or unknown, or what the
// command needs: the usage alone left the operator to guess. The command is
// checked first, so a lake that is not there is not the problem named.
const noLake = ['--data-dir', join(tmpdir(), 'no-lake-here')];

describe.each([
  ['token.ts', [...noLake], 'Name a command: create, list or revoke.'],
  ['token.ts', ['frob', ...noLake], "Unknown command 'frob': use create, list or revoke."],
  ['token.ts', ['revoke', ...noLake], 'revoke needs a token id or name.'],
  ['editor.ts', [...noLake], 'Name a command: create, login, list or revoke.'],
  ['editor.ts', ['login', ...noLake], "login needs an editor's e-mail or id."],
  ['editor.ts', ['revoke', ...noLake], "revoke needs an editor's e-mail or id."],
  ['webhooks.ts', ['remove', ...noLake], 'remove needs a webhook id or name.'],
  ['webhooks.ts', ['attempts', ...noLake], 'attempts needs a delivery id.'],
  ['certs.ts', [], 'Name a command: trust, path or status.'],
  ['certs.ts', ['nope'], "Unknown command 'nope': use trust, path or status."],
  ['studio.ts', ['server'], "Unknown command 'server': use build or serve."],
])('%s %j', (name, args, problem) => {
  it('names the problem first, then the usage, and exits 2', async () => {
    const { code, stdout, stderr } = await run(name, args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.split('\n')[0]).toBe(problem);
    expect(stderr).toContain(`node scripts/${name}`);
  });
});

// npm start's publisher and `npm run publisher` build with the site's settings:
// a mistyped one is said at start-up, not as a failed first publish. Their
// ports are taken, so one that did not check would stop there, not serve.
describe.each([
  ['start.ts', 'STUDIO_PORT', 'Start failed: NEWSROOM_TIME_ZONE is invalid: not a time zone'],
  ['publisher.ts', 'PUBLISHER_PORT', 'Publisher failed to start: NEWSROOM_TIME_ZONE is invalid: not a time zone'],
])('%s with a mistyped site setting', (name, portVariable, says) => {
  it('names it before starting anything, and exits 1', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const work = mkdtempSync(join(tmpdir(), 'service-settings-'));
      const { code, stderr } = await run(name, [], {
        ...process.env,
        NEWSROOM_TIME_ZONE: 'Europe/Pari',
        [portVariable]: String((busy.address() as { port: number }).port),
        LAKE_DIR: join(work, 'lake'),
        NEWSROOM_WEBHOOK_SECRET: 'secret',
        SANITY_API_HOST: 'http://127.0.0.1:9',
      });
      expect(code).toBe(1);
      expect(stderr).toContain(says);
      expect(stderr).toContain('What to do: Fix or unset the variable');
      expect(existsSync(join(work, 'lake'))).toBe(false);
    } finally {
      busy.close();
    }
  });
});

describe('generate.ts', () => {
  it('says --stories is required rather than "received NaN"', async () => {
    const { code, stderr } = await run('generate.ts', ['--out', 'never-written']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--stories: is required/);
    expect(stderr).not.toContain('NaN');
  });
});

/** A path under a regular file: no one can make a folder there, whoever runs the test (root ignores modes). */
function unwritable(prefix: string): string {
  const file = join(mkdtempSync(join(tmpdir(), prefix)), 'a-file');
  writeFileSync(file, '');
  return join(file, 'out');
}

// Outputs the operator names: a wrong path is one line saying which and what to do, never mkdir's stack.
describe('writing where it cannot', () => {
  it('generate.ts says it could not write --out, and exits 1', async () => {
    const out = unwritable('generate-cli-');
    const { code, stderr } = await run('generate.ts', ['--stories', '1', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain(`Could not write the newsroom into ${out}: ENOTDIR`);
    expect(stderr).toContain('Give --out a folder you can write.');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('export.ts says it could not write the folder or archive, and exits 1', async () => {
    const lake = join(mkdtempSync(join(tmpdir(), 'export-cli-')), 'lake');
    expect((await run('import.ts', [join(import.meta.dirname, '../../content'), '--data-dir', lake])).code).toBe(0);
    for (const out of [unwritable('export-cli-'), `${unwritable('export-cli-')}.tar.gz`]) {
      const { code, stderr } = await run('export.ts', [out, '--data-dir', lake]);
      expect(code).toBe(1);
      expect(stderr).toMatch(new RegExp(`^Export failed: could not write ${out}: E[A-Z]+: `));
      expect(stderr).toContain('Export into a new folder, or a .tar.gz path, that you can write.');
      expect(stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe.each([
  ['import.ts', ['content', 'extra'], 'source: give one, not 2: content extra'],
  ['export.ts', ['out', 'extra'], 'Give one output, not 2: out extra'],
])('%s %j', (name, args, problem) => {
  it('refuses a second path rather than ignoring it, and exits 2', async () => {
    const work = mkdtempSync(join(tmpdir(), 'second-path-'));
    const { code, stdout, stderr } = await run(name, [...args, '--data-dir', join(work, 'lake')]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.split('\n')[0]).toBe(problem);
  });
});

// Opening a lake's database creates one: a mistyped --data-dir (or a token
// made before the first `npm start`) would leave an empty lake that stops the
// real one being seeded.
describe.each([
  ['export.ts', ['out']],
  ['token.ts', ['create', '--name', 'ci', '--role', 'viewer']],
  ['editor.ts', ['list']],
  ['webhooks.ts', ['list']],
])('%s', (name, args) => {
  it('names a --data-dir that holds no lake, and creates none there', async () => {
    const missing = join(tmpdir(), `no-lake-${process.pid}-${Date.now()}`);
    const { code, stdout, stderr } = await run(name, [...args, '--data-dir', missing]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toContain(`There is no lake in ${missing} (no lake.db)`);
    expect(stderr).toContain('`npm start` or `npm run seed`');
    expect(existsSync(missing)).toBe(false);
  });
});

describe('editor.ts', () => {
  it('prints login links to the Studio where npm start serves it, on STUDIO_PORT', async () => {
    const lake = join(mkdtempSync(join(tmpdir(), 'editor-cli-')), 'lake');
    expect((await run('import.ts', [join(import.meta.dirname, '../../content'), '--data-dir', lake])).code).toBe(0);
    const { STUDIO_URL: _, ...inherited } = process.env;
    const env = { ...inherited, STUDIO_PORT: '13333' };
    const created = await run(
      'editor.ts',
      ['create', '--name', 'Jane Doe', '--email', 'jane@example.com', '--data-dir', lake],
      env,
    );
    expect(created.stdout).toMatch(/^http:\/\/localhost:13333\/#token=sk\w+\n$/);
    const login = await run('editor.ts', ['login', 'jane@example.com', '--data-dir', lake], env);
    expect(login.stdout).toMatch(/^http:\/\/localhost:13333\/#token=sk\w+\n$/);
    // --studio-url, and STUDIO_URL, still say where a Studio elsewhere is.
    const elsewhere = await run(
      'editor.ts',
      ['login', 'jane@example.com', '--data-dir', lake, '--studio-url', 'https://studio.example.com'],
      env,
    );
    expect(elsewhere.stdout).toMatch(/^https:\/\/studio\.example\.com\/#token=/);
  });
});

describe('studio.ts', () => {
  it('serves on STUDIO_PORT, and names the setting to change when that port is taken', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const root = mkdtempSync(join(tmpdir(), 'studio-cli-'));
      writeFileSync(join(root, 'index.html'), '<html><head></head></html>');
      const byVariable = await run('studio.ts', ['serve', '--dir', root], {
        ...process.env,
        STUDIO_PORT: String(port),
      });
      expect(byVariable.code).toBe(1);
      expect(byVariable.stderr).toContain(`Port ${port} is in use`);
      expect(byVariable.stderr).toContain('set STUDIO_PORT to a free port');
      const byFlag = await run('studio.ts', ['serve', '--dir', root, '--port', String(port)]);
      expect(byFlag.stderr).toContain('set --port to a free port');
    } finally {
      busy.close();
    }
  });

  it('refuses an --api-host that is not an http(s) URL, rather than putting it in the page', async () => {
    const { code, stderr } = await run('studio.ts', ['serve', '--api-host', 'localhost:4443']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('--api-host is not an http(s) URL: "localhost:4443".');
  });

  it("names a --port that is not a port, rather than listen()'s RangeError", async () => {
    const { code, stderr } = await run('studio.ts', ['serve', '--port', 'abc']);
    expect(code).toBe(2);
    // The words every script uses for a port (port-variable.ts).
    expect(stderr).toMatch(
      /^--port is not a port number: "abc"\.\nWhat to do: Give --port a whole number from 0 to 65535/,
    );
    expect(stderr).not.toContain('NaN');
  });
});

// lake.ts reads its port by the rule npm start and the other services use, so
// a typo is named the same way whichever way the lake was started.
describe('lake.ts', () => {
  function runLake(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
    return new Promise((resolve) => {
      const options = { env: { ...process.env, LAKE_TLS_DIR: join(tmpdir(), `no-tls-${process.pid}`), ...env } };
      execFile(process.execPath, [script('lake.ts'), ...args], options, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  }

  it.each([
    [[], { LAKE_PORT: 'abc' }, 'LAKE_PORT is not a port number: "abc".', 'or unset it for 0.'],
    [[], { LAKE_PORT: '70000', LAKE_TLS: '1' }, 'LAKE_PORT is not a port number: "70000".', 'or unset it for 4443.'],
    [[], { LAKE_HTTP_PORT: 'x', LAKE_TLS: '1' }, 'LAKE_HTTP_PORT is not a port number: "x".', 'or unset it for 0.'],
    [['--port', 'abc'], {}, '--port is not a port number: "abc".', 'Give --port a whole number from 0 to 65535'],
    [['--port', '1.5'], { LAKE_PORT: '1234' }, '--port is not a port number: "1.5".', 'Give --port a whole number'],
  ])('with %j and %j, names the setting rather than "received NaN"', async (args, env, says, hint) => {
    const { code, stdout, stderr } = await runLake(args, env);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    const [said, whatToDo] = stderr.split('\n');
    expect(said).toBe(says);
    expect(whatToDo).toMatch(/^What to do: /);
    expect(whatToDo).toContain(hint);
    expect(stderr).not.toContain('NaN');
  });

  it('names a data directory it cannot write, and what to do, without a stack trace', async () => {
    // Under a regular file, so the directory cannot be made whoever runs the test (root ignores modes).
    const file = join(mkdtempSync(join(tmpdir(), 'lake-cli-')), 'a-file');
    writeFileSync(file, '');
    const { code, stdout, stderr } = await runLake(['--data-dir', join(file, 'lake')], {});
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    const [said, whatToDo] = stderr.split('\n');
    expect(said).toMatch(
      new RegExp(`^LakeDataDirNotWritable: The lake cannot write to its data directory ${file}/lake: ENOTDIR`),
    );
    expect(whatToDo).toBe(
      'What to do: Let the user running the lake write there, or give it another directory: LAKE_DIR=<dir> (--data-dir <dir>).',
    );
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('names a port in use, and what to do, without a stack trace', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const dataDir = join(mkdtempSync(join(tmpdir(), 'lake-cli-')), 'lake');
      const { code, stdout, stderr } = await runLake(['--data-dir', dataDir, '--port', String(port)], {});
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      const [said, whatToDo] = stderr.split('\n');
      expect(said).toBe(`LakePortUnavailable: Port ${port} on 127.0.0.1 is in use, so the lake cannot listen there.`);
      expect(whatToDo).toMatch(/^What to do: Stop what listens there .* LAKE_PORT or --port/);
      expect(stderr).not.toMatch(/^\s+at /m);
      // It let go of its data: no marker claims the directory for a lake that never listened.
      expect(existsSync(join(dataDir, 'lake.json'))).toBe(false);
    } finally {
      busy.close();
    }
  });

  it('names the lake that holds its directory, unless a build started it and waits for that lake itself', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'lake-cli-')), 'lake');
    const holder = await startLake({ dataDir, onError: () => {} });
    try {
      const told = await runLake(['--data-dir', dataDir], {});
      expect({ code: told.code, stdout: told.stdout }).toEqual({ code: 3, stdout: '' });
      expect(told.stderr).toMatch(/^LakeAlreadyRunning: .*\nWhat to do: /);
      // As a build starts it (embedded-lake.ts): the same status, and nothing for the operator to act on.
      const quiet = await runLake(['--data-dir', dataDir], { LAKE_QUIET_IF_RUNNING: '1' });
      expect(quiet).toEqual({ code: 3, stdout: '', stderr: '' });
    } finally {
      await holder.close();
    }
  });
});

describe('import.ts', () => {
  // An empty lake left behind stopped `npm start` and `npm run build` seeding that directory.
  it('leaves no lake behind when an import into a new data directory fails', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'import-cli-'));
    const missingSource = await run('import.ts', [join(parent, 'no-such-export'), '--data-dir', join(parent, 'new')]);
    expect(missingSource.code).toBe(1);
    expect(missingSource.stderr).toContain('Nothing was imported.');
    expect(existsSync(join(parent, 'new'))).toBe(false);

    const notNdjson = join(parent, 'notes.ndjson');
    writeFileSync(notNdjson, '# not a dataset\n');
    const empty = join(parent, 'made-by-hand');
    mkdirSync(empty);
    const badFile = await run('import.ts', [notNdjson, '--data-dir', empty]);
    expect(badFile.stderr).toContain('Import failed (InvalidJson)');
    expect(readdirSync(empty)).toEqual([]);
  });

  it('names a data directory it cannot write, and imports nothing, without a stack trace', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'import-cli-')), 'a-file');
    writeFileSync(file, '');
    const seed = join(import.meta.dirname, '../../content');
    const { code, stderr } = await run('import.ts', [seed, '--data-dir', join(file, 'lake')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Import failed \(LakeDataDirNotWritable\): The lake cannot write to its data directory /);
    expect(stderr).toContain('Nothing was imported. Let the user running the lake write there');
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
