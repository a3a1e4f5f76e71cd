// The viewer-request function's routing, shared by both ways of keeping the
// redirects (inline-handler.js, kvs-handler.js). Written for CloudFront's
// cloudfront-js-2.0 runtime: ES 5.1 plus const, let, arrow functions and
// template literals, nothing else (no for-of, destructuring, spread, classes,
// optional chaining or ??). Full-line comments and indentation are stripped
// before upload, as the code counts against the 10 KB limit.
// Placeholders (__NAME__) are filled in by viewer-request-function.ts.

// Directories with an index.html, as public paths ending in `/`.
const INDEX = __INDEX__;
// Requests the default rule below would map wrongly, and the file each is.
const EXACT = __EXACT__;
// What a redirect is cached for, as the edge caches it.
const PAGE = __PAGE__;

function decoded(path) {
  try {
    return decodeURIComponent(path);
  } catch (_e) {
    return null;
  }
}

function withoutTrailingSlashes(path) {
  let end = path.length;
  while (end > 0 && path.charAt(end - 1) === '/') end--;
  return path.slice(0, end);
}

// The request's query string as the viewer sent it: CloudFront hands over the
// values as they came, so they are joined back without encoding them again.
function queryOf(querystring) {
  const parts = [];
  for (const name in querystring) {
    const field = querystring[name];
    const values = field.multiValue ? field.multiValue : [field];
    for (let i = 0; i < values.length; i++) parts.push(`${name}=${values[i].value}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function moved(to, request) {
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: { location: { value: to + queryOf(request.querystring) }, 'cache-control': { value: PAGE } },
  };
}

// What to do with a request, as the local edge decides it
// (scripts/edge/edge-server.ts): `done` when no redirect can apply, otherwise
// the addresses whose redirect to look up, raw and decoded, and `slash` for
// /x/, which goes to /x when it is no former address.
function route(request) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return {
      done: { statusCode: 405, statusDescription: 'Method Not Allowed', headers: { allow: { value: 'GET, HEAD' } } },
    };
  }
  const uri = request.uri;
  const path = decoded(uri);
  // Undecodable: the edge answers 404, and so does S3 for a key that is not there.
  if (path === null) return { done: request };
  if (path.charAt(path.length - 1) === '/') {
    if (INDEX[path]) {
      request.uri = `${uri}index.html`;
      return { done: request };
    }
    const raw = withoutTrailingSlashes(uri);
    const trimmed = withoutTrailingSlashes(path);
    if (trimmed === '') return { done: request };
    return { keys: raw === trimmed ? [raw] : [raw, trimmed], slash: raw };
  }
  return { keys: uri === path ? [uri] : [uri, path], path: path };
}

// The answer once the redirects were looked up: a 301 to the story's address,
// /x/ sent to /x, or the request for the file that serves the path.
function served(request, plan, to) {
  if (to) return moved(to, request);
  if (plan.slash) return moved(plan.slash, request);
  const path = plan.path;
  if (EXACT[path]) {
    request.uri = encodeURI(EXACT[path]);
  } else if (path.slice(path.lastIndexOf('/') + 1).indexOf('.') < 0) {
    // Pages are written as x.html (build.format 'file'); anything with an extension is a file as named.
    request.uri = `${request.uri}.html`;
  }
  return request;
}
