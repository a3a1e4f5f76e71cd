// The V8 settings a site build runs with. Measured on a 10k-story first build
// (2 cores, Node 24): V8's defaults let the build's heap grow to about three
// times what is live before collecting, and keep a 128 MB young generation;
// with these the build's peak resident memory falls by about 150 MB, so build,
// lake and search indexer together stay within 1 GB, at no measurable cost in
// time. They are process flags (V8 sizes its heap at start), so `npm run
// build`, the benchmark and the tests' builds pass them; a test holds
// package.json to this list. The publisher's build workers do not (see
// build-runner.ts): there they cost publish latency.
export const BUILD_NODE_FLAGS = ['--max-semi-space-size=32', '--heap-growing-percent=50'] as const;
