// Native code in a build allocates outside V8's heap, and each allocator is
// told here how to behave; they read their options when they start, so this
// module must be imported before anything that loads Astro or Vite, and
// before the first search shard starts its Pagefind process.

// Rolldown (Vite's bundler) allocates with mimalloc, which by default commits
// its arenas eagerly and keeps memory it has freed in case it is wanted again.
// A build bundles once and then renders for the rest of its run, so that
// memory is only resident weight beside the pages: measured at 10k stories,
// about 130 MB of the build's render-time peak went with these two settings.
process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';
process.env.MIMALLOC_PURGE_DELAY ??= '0';

// Pagefind's indexer (Rust, with jemalloc under the _RJEM_ prefix) touches
// about 250 MB per search shard, in a process of its own, 4 KB page by page:
// at 10k stories about 470k of a first build's 1.06 M page faults were its.
// On a virtual machine a fault costs a trip to the hypervisor, and there a
// build spent seconds in them. Backed by 2 MB pages where the kernel allows
// it (transparent huge pages in `madvise` mode), the indexer faulted about
// 90k times, and its resident memory grew by about a fifth (244 to 302 MB at
// the build's peak). jemalloc's own metadata stays in small pages: in huge
// ones it saved another 800 faults a shard for 9 MB more. glibc's allocator,
// in the build process, gets the same setting from GLIBC_TUNABLES
// (build-heap.ts), which it reads before any code runs.
process.env._RJEM_MALLOC_CONF ??= 'thp:always';
