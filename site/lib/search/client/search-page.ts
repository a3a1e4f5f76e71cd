// The search page's behaviour: read the query and filters from the address
// (the form submits with GET), search the Pagefind index, list the results and
// announce how many there are. Runs only on /search.
import { queryWords } from '../unspaced-words.ts';
import { genuineMatches, type Matches, onlyMatching } from './genuine-matches.ts';
import { newestFirst } from './newest-first.ts';
import { loadPagefind, type PagefindApi, type PagefindResultData, SHARD_FILTER } from './pagefind-api.ts';
import { dateFormat, resultItem } from './result-item.ts';

const FILTERS = ['section', 'author', 'month'];
/** Results shown at once; more are a new search away (narrow it with the filters). */
const SHOWN = 30;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The search page has no #${id}`);
  return found as T;
}

type Found = { total: number; shown: PagefindResultData[] };

/** Which of Pagefind's results match what the reader typed (genuine-matches.ts), asked once Pagefind has searched. */
type Matching = () => Promise<Matches | undefined>;

/** Best match first: Pagefind's merged search ranks every shard's results by score. */
async function bestMatches(
  pagefind: PagefindApi,
  query: string,
  filters: Record<string, string>,
  matching: Matching,
): Promise<Found> {
  const found = (await pagefind.search(query || null, { filters }))?.results ?? [];
  const results = onlyMatching(found, await matching());
  return { total: results.length, shown: await Promise.all(results.slice(0, SHOWN).map((r) => r.data())) };
}

/** Newest first: each shard sorted by date on its own, then merged (newest-first.ts says why). */
async function newestMatches(
  pagefind: PagefindApi,
  shards: readonly string[],
  query: string,
  filters: Record<string, string>,
  matching: Matching,
): Promise<Found> {
  const found = await Promise.all(
    shards.map(
      async (shard) =>
        (
          await pagefind.search(query || null, {
            filters: { ...filters, [SHARD_FILTER]: shard },
            sort: { date: 'desc' },
          })
        )?.results ?? [],
    ),
  );
  const matches = await matching();
  const lists = found.map((results) => onlyMatching(results, matches));
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  return { total, shown: await newestFirst(lists, SHOWN) };
}

export async function runSearch(): Promise<void> {
  element('search-fallback').hidden = true;
  const status = element('search-status');
  const list = element<HTMLOListElement>('search-results');
  const params = new URL(location.href).searchParams;
  const query = params.get('q')?.trim() ?? '';
  const filters: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = params.get(name) ?? '';
    if (value) filters[name] = value;
    const select = document.getElementById(`search-${name}`) as HTMLSelectElement | null;
    if (select) select.value = value;
  }
  const newest = params.get('sort') === 'newest';
  element<HTMLInputElement>('search-q').value = query;
  element<HTMLSelectElement>('search-sort').value = newest ? 'newest' : '';
  if (!query && Object.keys(filters).length === 0) {
    status.textContent = 'Type the words to find, or choose a section, author or month.';
    return;
  }
  status.textContent = 'Searching…';
  try {
    const shards = (list.dataset.shards ?? '').split(' ').filter(Boolean);
    const pagefind = await loadPagefind(shards);
    // Split into words as the index was (unspaced-words.ts).
    const words = queryWords(query);
    // The check reads Pagefind's own index files; should it fail (a file it
    // could not fetch, a format a Pagefind upgrade changed), readers still get
    // Pagefind's results, unchecked, rather than no search at all.
    const check = genuineMatches(pagefind, shards, words);
    const matching = () =>
      check().catch((error: unknown) => {
        console.error('Search results are shown unchecked:', error);
        return undefined;
      });
    const { total, shown } = newest
      ? await newestMatches(pagefind, shards, words, filters, matching)
      : await bestMatches(pagefind, words, filters, matching);
    const dates = dateFormat(list.dataset.timeZone || 'UTC');
    list.replaceChildren(...shown.map((data) => resultItem(data, dates)));
    const what = query ? ` for “${query}”` : '';
    status.textContent =
      total === 0
        ? `No stories found${what}.`
        : `${total} ${total === 1 ? 'story' : 'stories'} found${what}${total > SHOWN ? `; the first ${SHOWN} are shown` : ''}.`;
  } catch (error) {
    status.textContent = 'Search is not available right now. Please try again later.';
    console.error(error);
  }
}
