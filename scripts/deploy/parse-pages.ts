// Parses new pages for validation: in this thread for a publish's handful,
// split across worker threads (one per core) for a full site.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type PageLinks, pageLinks } from './page-links.ts';

const IN_PROCESS = 300;

export async function parsePages(
  pages: Map<string, string>,
  siteOrigin: string | undefined,
): Promise<Map<string, PageLinks>> {
  if (pages.size <= IN_PROCESS) {
    return new Map([...pages].map(([hash, html]) => [hash, pageLinks(html, siteOrigin)]));
  }
  const all = [...pages];
  const workers = Math.min(availableParallelism(), 4);
  const size = Math.ceil(all.length / workers);
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const slice = all.slice(i * size, (i + 1) * size);
      return new Promise<[string, PageLinks][]>((resolve, reject) => {
        const worker = new Worker(new URL('./page-links-worker.ts', import.meta.url), {
          workerData: { pages: slice, siteOrigin },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  return new Map(parts.flat());
}
