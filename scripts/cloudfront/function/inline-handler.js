// Few enough redirects to fit in the function: former address → current one.
const REDIRECTS = __REDIRECTS__;

function handler(event) {
  const request = event.request;
  const plan = route(request);
  if (plan.done) return plan.done;
  let to;
  for (let i = 0; i < plan.keys.length && !to; i++) to = REDIRECTS[plan.keys[i]];
  return served(request, plan, to);
}
