import type { Overlay } from './overlay.ts';

export type Operation = 'create' | 'update' | 'delete' | 'none';

export type MutationContext = {
  overlay: Overlay;
  autoGenerateArrayKeys: boolean;
  /** Ids of the documents a GROQ query selects, as the transaction sees them now (raw perspective). */
  selectIds(query: string, params: Record<string, unknown>): Promise<string[]>;
};

export type MutationOutcome = {
  results: { id: string; operation: Operation }[];
  /** The mutation as the transaction log records it (generated ids filled in). */
  logged: unknown;
};

/** One entry of the mutation dispatch table. */
export type MutationHandler = {
  /** The permission Sanity names when a token lacks it. */
  permission: 'create' | 'update' | 'delete';
  apply(payload: unknown, context: MutationContext): Promise<MutationOutcome>;
};
