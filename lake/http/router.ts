import { errors } from '../errors/catalog.ts';
import type { RequestContext } from './request-context.ts';
import type { LakeResponse } from './response.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/**
 * One entry of the route table. `path` segments are literals, `:name`
 * parameters, or `:version` (Sanity's `v2025-02-19` / `v1` / `vX` prefix,
 * exposed as `context.apiVersion`). New endpoints are new route files added
 * to the table; nothing else changes.
 */
export type Route<Runtime> = {
  method: Method;
  path: string;
  handle(context: RequestContext, runtime: Runtime): Promise<LakeResponse>;
};

const VERSION = /^v(1|X|\d{4}-\d{2}-\d{2})$/;

type Match = { params: Record<string, string>; apiVersion: string };

function matchPath(pattern: string[], segments: string[]): Match | undefined {
  if (pattern.length !== segments.length) return undefined;
  const match: Match = { params: {}, apiVersion: '' };
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i] as string;
    if (part === ':version') {
      const version = VERSION.exec(segment);
      if (!version) return undefined;
      match.apiVersion = version[1] as string;
    } else if (part.startsWith(':')) {
      if (segment === '') return undefined;
      try {
        match.params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
    } else if (part !== segment) {
      return undefined;
    }
  }
  return match;
}

export type Router<Runtime> = {
  /** The handler for a request, or a 404/405 error naming the method and path. */
  resolve(method: string, pathname: string): { route: Route<Runtime>; match: Match };
  /** Methods served at a path (for CORS preflight answers). */
  methodsAt(pathname: string): string[];
};

export function createRouter<Runtime>(routes: Route<Runtime>[]): Router<Runtime> {
  const compiled = routes.map((route) => ({ route, pattern: route.path.split('/').slice(1) }));
  const candidates = (pathname: string) => {
    const segments = pathname.split('/').slice(1);
    return compiled.flatMap(({ route, pattern }) => {
      const match = matchPath(pattern, segments);
      return match ? [{ route, match }] : [];
    });
  };
  return {
    resolve(method, pathname) {
      const found = candidates(pathname);
      const wanted = method === 'HEAD' ? ['HEAD', 'GET'] : [method];
      for (const name of wanted) {
        const hit = found.find(({ route }) => route.method === name);
        if (hit) return hit;
      }
      if (found.length === 0) throw errors.routeNotFound(method, pathname);
      throw errors.methodNotAllowed(method, pathname, [...new Set(found.map(({ route }) => route.method))]);
    },
    methodsAt(pathname) {
      return [...new Set(candidates(pathname).map(({ route }) => route.method))];
    },
  };
}
