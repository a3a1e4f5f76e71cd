// npm run rollback [-- <release id>]: the edge serves the previous release
// (or the one named) from the next request on. Only a pointer changes; the
// Studio's deploy status is told afterwards (see deploy/announce-rollback.ts).
import { announceRollback } from './deploy/announce-rollback.ts';
import { defaultReleaseStore } from './deploy/default-store.ts';
import { rollback } from './deploy/rollback.ts';

const started = performance.now();
try {
  const { from, to } = rollback(defaultReleaseStore(), process.argv[2]);
  const ms = (performance.now() - started).toFixed(0);
  console.log(`Rolled back from ${from ?? '(none)'} to ${to.id} (deployed ${to.createdAt}) in ${ms} ms.`);
  try {
    console.log(await announceRollback(to, from));
  } catch (error) {
    console.warn(
      `The site is rolled back, but the Studio's deploy status could not be updated: ${(error as Error).message}`,
    );
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
