// The path of an HTTP request target, for the local servers (the edge, the
// publisher) that route on it. Taken literally: resolved against a base,
// `//whatever/story/x` would make `whatever` the host and route /story/x, and
// `//[` (no host can be `[`) made `new URL` throw, which the publisher
// answered 500 with a stack trace in its log.

/** The path of `target` as sent, or undefined for a target that is no URL. */
export function requestPath(target = '/'): string | undefined {
  try {
    return new URL(target.startsWith('/') ? `http://local${target}` : target).pathname;
  } catch {
    return undefined;
  }
}
