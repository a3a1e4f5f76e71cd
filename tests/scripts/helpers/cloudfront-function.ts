// Runs a generated CloudFront Function the way CloudFront does, as far as a
// test can without AWS: its code alone in a fresh V8 context (no Node globals,
// no module loader), given viewer-request events shaped as AWS documents them
// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-event-structure.html),
// with a KeyValueStore handle offering the documented helper methods
// (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-custom-methods.html).
import vm from 'node:vm';
import { expect } from 'vitest';
import type { UpdateKeysBatch } from '../../../scripts/cloudfront/kvs-batches.ts';

type Field = { value: string; multiValue?: { value: string }[] };
export type ViewerRequestEvent = {
  version: '1.0';
  context: { distributionDomainName: string; distributionId: string; eventType: 'viewer-request'; requestId: string };
  viewer: { ip: string };
  request: {
    method: string;
    uri: string;
    querystring: Record<string, Field>;
    headers: Record<string, Field>;
    cookies: Record<string, Field>;
  };
};
export type FunctionResponse = {
  statusCode: number;
  statusDescription?: string;
  headers: Record<string, { value: string }>;
};

/** The event for a request to `target` (path and query as a viewer sends them). */
export function viewerRequestEvent(target: string, method = 'GET'): ViewerRequestEvent {
  const at = target.indexOf('?');
  const querystring: Record<string, Field> = {};
  if (at >= 0) {
    for (const part of target.slice(at + 1).split('&')) {
      const [name = '', value = ''] = part.split(/=(.*)/s);
      const field = querystring[name];
      // A repeated name is one field: `value` is the first, `multiValue` all of them.
      if (!field) querystring[name] = { value };
      else field.multiValue = [...(field.multiValue ?? [{ value: field.value }]), { value }];
    }
  }
  return {
    version: '1.0',
    context: {
      distributionDomainName: 'd111111abcdef8.cloudfront.net',
      distributionId: 'EDFDVBD6EXAMPLE',
      eventType: 'viewer-request',
      requestId: 'EXAMPLEntjQpEXAMPLE_SG5Z-EXAMPLEPmPfEXAMPLEu3EqEXAMPLE==',
    },
    viewer: { ip: '198.51.100.11' },
    request: {
      method,
      uri: at >= 0 ? target.slice(0, at) : target,
      querystring,
      headers: { host: { value: 'news.example.com' }, accept: { value: 'text/html' } },
      cookies: {},
    },
  };
}

/** A KeyValueStore as a function sees it, filled the way the workflow fills it: UpdateKeys batches. */
export function keyValueStore(batches: UpdateKeysBatch[] = []) {
  const keys = new Map<string, string>();
  const apply = (more: UpdateKeysBatch[]) => {
    for (const batch of more) {
      expect((batch.Puts?.length ?? 0) + (batch.Deletes?.length ?? 0)).toBeLessThanOrEqual(50);
      for (const put of batch.Puts ?? []) keys.set(put.Key, put.Value);
      for (const gone of batch.Deletes ?? []) keys.delete(gone.Key);
    }
  };
  apply(batches);
  const reads: string[] = [];
  const handle = {
    async get(key: string, options: { format?: 'string' | 'json' | 'bytes' } = {}) {
      reads.push(key);
      const value = keys.get(key);
      if (value === undefined) throw new Error(`KeyValueStore: ${key} not found`);
      if (options.format === 'json') return JSON.parse(value);
      return options.format === 'bytes' ? Buffer.from(value) : value;
    },
    async exists(key: string) {
      return keys.has(key);
    },
    async meta() {
      return {
        creationDateTime: '2026-01-01T00:00:00Z',
        lastUpdatedDateTime: '2026-01-01T00:00:00Z',
        keyCount: keys.size,
      };
    },
  };
  return { keys, reads, handle, apply };
}

/** The only import the runtime's KeyValueStore helpers need, as AWS documents it. */
const KVS_IMPORT = "import cf from 'cloudfront';\n";

/** Loads `code` as CloudFront would; returns its handler. */
export function loadFunction(code: string, store = keyValueStore()) {
  // A vm Script has no import statements: the one documented import becomes a global of the context.
  const script = code.startsWith(KVS_IMPORT) ? `const cf = cloudfront;\n${code.slice(KVS_IMPORT.length)}` : code;
  expect(script).not.toContain('import ');
  const context = vm.createContext({ cloudfront: { kvs: () => store.handle } });
  new vm.Script(script, { filename: 'viewer-request.js' }).runInContext(context, { timeout: 1000 });
  const handler = vm.runInContext('handler', context) as (event: ViewerRequestEvent) => unknown;
  return async (event: ViewerRequestEvent) =>
    (await handler(event)) as ViewerRequestEvent['request'] | FunctionResponse;
}
