import cf from 'cloudfront';

// Too many redirects for the function's 10 KB: they are in the KeyValueStore
// associated with it (former address → current one), loaded by the workflow.
const redirects = cf.kvs();

async function handler(event) {
  const request = event.request;
  const plan = route(request);
  if (plan.done) return plan.done;
  let to;
  for (let i = 0; i < plan.keys.length && !to; i++) {
    try {
      // get() rejects a key the store does not have: that address was never a story's.
      to = await redirects.get(plan.keys[i]);
    } catch (_e) {
      to = undefined;
    }
  }
  return served(request, plan, to);
}
