// npm run releases: the kept releases, newest last, and which one is live.
import { defaultReleaseStore } from './deploy/default-store.ts';

const store = defaultReleaseStore();
const live = store.liveId();
const releases = store.list();
if (releases.length === 0) console.log('No releases yet: run `npm run build && npm run deploy`, or `npm start`.');
for (const r of releases) {
  const files = Object.keys(r.files).length;
  console.log(
    `${r.id === live ? '* ' : '  '}${r.id}  ${r.createdAt}  ${files} files${r.base ? ` (partial, over ${r.base})` : ''}`,
  );
}
