// Rolldown (Vite's bundler, native code) allocates with mimalloc, which by
// default keeps memory it has freed for a while in case it is wanted again.
// A build bundles once and then renders for the rest of its run, so that
// memory is only resident weight beside the pages (about 60 MB at 10k
// stories). mimalloc reads its options when the native module loads, so this
// module must be imported before anything that loads Astro or Vite.
process.env.MIMALLOC_PURGE_DELAY ??= '0';
