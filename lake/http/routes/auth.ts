// The Studio's login plumbing. There is no password login: editors sign in
// with a link carrying a token (`node scripts/editor.ts create`). When a
// Studio shows its login screen anyway (no token, or a revoked one), its one
// provider leads to a page that says how to get a link.
import { authErrors } from '../../auth/auth-errors.ts';
import type { LakeRuntime } from '../../runtime.ts';
import type { Route } from '../router.ts';

const LOGIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to the newsroom Studio</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}code{background:#eee;padding:.1rem .3rem}</style></head>
<body><h1>Sign in with a login link</h1>
<p>This Studio runs against a local content lake, which has no passwords. Editors sign in with a personal link.</p>
<ul>
<li>Running <code>npm start</code>? It prints a ready login link for the first editor.</li>
<li>Ask whoever runs the newsroom for a link, or make one yourself:<br>
<code>node scripts/editor.ts create --name "Jane Doe" --email jane@example.com</code></li>
<li>Lost your link? <code>node scripts/editor.ts login jane@example.com</code> prints a new one.</li>
</ul></body></html>
`;

export const authRoutes: Route<LakeRuntime>[] = [
  {
    method: 'GET',
    path: '/:version/auth/providers',
    handle: (_context, runtime) =>
      Promise.resolve({
        json: {
          providers: [{ name: 'lake', title: 'Login link', url: `${runtime.publicUrl()}/login`, logo: null }],
          thirdPartyLogin: false,
        },
      }),
  },
  {
    method: 'GET',
    path: '/:version/auth/id',
    handle: (context, runtime) => {
      const principal = runtime.principal(context);
      if (principal.kind !== 'token') throw authErrors.notLoggedIn();
      return Promise.resolve({ json: { id: principal.user.id } });
    },
  },
  // Signing out forgets the token in the browser; the token itself stays valid (revoke it with the editor script).
  { method: 'POST', path: '/:version/auth/logout', handle: () => Promise.resolve({ json: { ok: true } }) },
  {
    method: 'GET',
    path: '/login',
    handle: () => Promise.resolve({ body: LOGIN_PAGE, contentType: 'text/html; charset=utf-8' }),
  },
];
