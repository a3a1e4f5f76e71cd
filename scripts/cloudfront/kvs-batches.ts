// Loading the redirects into the KeyValueStore on every deploy. AWS imports a
// file only when a store is created (CreateKeyValueStore's ImportSource), and
// the function is associated with one store, so a deploy updates that store in
// place: it puts what changed and deletes what is gone, in UpdateKeys batches
// of at most 50 keys, each applied all or nothing.
import { z } from 'zod';
import { UPDATE_KEYS_MAX_KEYS } from './limits.ts';

/** The import file kvs-store.ts writes. */
const ImportFile = z.object({ data: z.array(z.object({ key: z.string(), value: z.string() })) });

/** `aws cloudfront-keyvaluestore list-keys --output json`, every page of it. */
const KeyListing = z.object({
  Items: z.array(z.object({ Key: z.string(), Value: z.string() })).default([]),
  NextToken: z.undefined({ error: 'the listing has a NextToken: it is one page, not every key' }).optional(),
});

/** The input of one `aws cloudfront-keyvaluestore update-keys --cli-input-json`. */
export type UpdateKeysBatch = { Puts?: { Key: string; Value: string }[]; Deletes?: { Key: string }[] };

/**
 * The batches that make the store (`listing`) hold exactly `wanted`; none
 * when it already does. `names` say where each came from, for the errors.
 */
export function updateKeysBatches(
  wanted: unknown,
  listing: unknown,
  names = { wanted: 'the import file', listing: 'the listing' },
): UpdateKeysBatch[] {
  const file = parsed(ImportFile, wanted, `${names.wanted} is not a KeyValueStore import file`);
  const keys = parsed(KeyListing, listing, `${names.listing} is not a listing of a KeyValueStore's keys`);
  const want = new Map(file.data.map((entry) => [entry.key, entry.value]));
  const have = new Map(keys.Items.map((item) => [item.Key, item.Value]));
  const changes: ({ put: [string, string] } | { delete: string })[] = [];
  for (const [key, value] of want) if (have.get(key) !== value) changes.push({ put: [key, value] });
  for (const key of have.keys()) if (!want.has(key)) changes.push({ delete: key });
  const batches: UpdateKeysBatch[] = [];
  for (let i = 0; i < changes.length; i += UPDATE_KEYS_MAX_KEYS) {
    const slice = changes.slice(i, i + UPDATE_KEYS_MAX_KEYS);
    const puts = slice.flatMap((c) => ('put' in c ? [{ Key: c.put[0], Value: c.put[1] }] : []));
    const deletes = slice.flatMap((c) => ('delete' in c ? [{ Key: c.delete }] : []));
    // The CLI is given only the lists that have keys in them.
    batches.push({ ...(puts.length ? { Puts: puts } : {}), ...(deletes.length ? { Deletes: deletes } : {}) });
  }
  return batches;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, problem: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(`${problem}: ${z.prettifyError(result.error)}`);
}
