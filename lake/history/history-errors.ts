import { LakeError } from '../errors/lake-error.ts';

// The history endpoints' entries of the lake's error catalog.
export const historyErrors = {
  tokenRequired: () =>
    new LakeError({
      status: 401,
      name: 'HistoryTokenRequired',
      type: 'unauthorized',
      description: 'Document history requires a token (viewer, editor or administrator)',
      style: 'gateway',
      hint: 'Send Authorization: Bearer <token>; create one with `node scripts/token.ts create --role viewer`.',
    }),

  transactionNotFound: (id: string, dataset: string) =>
    new LakeError({
      status: 404,
      name: 'TransactionNotFound',
      type: 'httpNotFound',
      description: `Transaction "${id}" not found in dataset "${dataset}"`,
      hint: 'Use an id from the transactions endpoint or a document _rev of this dataset.',
    }),
};
