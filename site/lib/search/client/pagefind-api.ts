// The part of Pagefind's browser API (/pagefind/pagefind.js) the search page uses.
export type PagefindResultData = {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string; section?: string; dek?: string };
};

export type PagefindResult = { id: string; data: () => Promise<PagefindResultData> };

export type PagefindApi = {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (
    term: string | null,
    options: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: PagefindResult[] } | null>;
};

/** Loads Pagefind from the site at run time; it is written after the build, so it cannot be bundled. */
export async function loadPagefind(url: string): Promise<PagefindApi> {
  const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
  await api.options({ excerptLength: 24 });
  return api;
}
