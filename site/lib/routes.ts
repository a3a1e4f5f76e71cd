// Every URL the site links to is built here, so pages and feeds agree and a
// change of scheme is one edit. Paths have no .html: the edge maps /story/x to
// story/x.html.
export const routes = {
  home: () => '/',
  story: (slug: string) => `/story/${slug}`,
} as const;
