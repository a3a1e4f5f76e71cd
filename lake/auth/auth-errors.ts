// Errors of the auth endpoints, in the API gateway's shape like Sanity's
// (`{statusCode, error, message}`), which the Studio and @sanity/client read.
import { LakeError } from '../errors/lake-error.ts';

export const authErrors = {
  /** No token at all. Without an `errorCode` the Studio shows its login screen and clears nothing. */
  notLoggedIn: () =>
    new LakeError({
      status: 401,
      name: 'NotLoggedIn',
      type: 'unauthorized',
      description: 'Not logged in: send Authorization: Bearer <token>',
      style: 'gateway',
      hint: 'Open the login link printed by `npm start`, or make one with `node scripts/editor.ts create --name "Jane Doe" --email jane@example.com`.',
    }),

  invalidKeyValueBody: (reason: string) =>
    new LakeError({
      status: 400,
      name: 'InvalidKeyValueBody',
      type: 'httpBadRequest',
      description: `The keyvalue body must be [{"key": "...", "value": <JSON>}]: ${reason}`,
      hint: 'Send a JSON array of {key, value} pairs; keys are at most 256 characters.',
    }),
};
