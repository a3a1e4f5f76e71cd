// Rolldown (Vite's bundler, native code) allocates with mimalloc, which by
// default commits its arenas eagerly and keeps memory it has freed in case it
// is wanted again. A build bundles once and then renders for the rest of its
// run, so that memory is only resident weight beside the pages: measured at
// 10k stories, about 130 MB of the build's render-time peak went with these
// two settings. mimalloc reads its options when the native module loads, so
// this module must be imported before anything that loads Astro or Vite.
process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';
process.env.MIMALLOC_PURGE_DELAY ??= '0';
