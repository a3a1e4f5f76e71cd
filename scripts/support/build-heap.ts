// How a site build's Node process is started: its V8 settings, and below,
// its allocator's. Measured on a 10k-story first build
// (2 cores, Node 24): V8's defaults let the build's heap grow to about three
// times what is live before collecting, and keep a 128 MB young generation;
// with these the build's peak resident memory falls by about 150 MB, so build,
// lake and search indexer together stay within 1 GB, at no measurable cost in
// time. They are process flags (V8 sizes its heap at start), so `npm run
// build`, the benchmark and the tests' builds pass them; a test holds
// package.json to this list. The publisher's build workers do not (see
// build-runner.ts): there they cost publish latency.
export const BUILD_NODE_FLAGS = ['--max-semi-space-size=32', '--heap-growing-percent=50'] as const;

// glibc's malloc (Node's buffers, SQLite, libvips' images) asks for 2 MB
// pages where the kernel offers them on request (transparent huge pages in
// `madvise` mode). A 10k-story first build touches gigabytes of fresh memory
// 4 KB at a time, and on a virtual machine every page fault is a trip to the
// hypervisor: with this and Pagefind's own setting (native-allocator.ts) a
// first build faulted about 0.5 M times instead of 1.06 M, and took 70-83
// CPU-s instead of 79-97 (alternating runs on 2 cores). glibc reads it when
// the process starts, so it is environment, set beside the flags; elsewhere
// than glibc on Linux it is ignored.
export const BUILD_NODE_ENV = { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' } as const;
