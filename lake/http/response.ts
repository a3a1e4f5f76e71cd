import type { Readable } from 'node:stream';

/** What a route answers; the server writes it (status 200 and JSON unless said otherwise). */
export type LakeResponse =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; body: Buffer | string | Readable; contentType: string; headers?: Record<string, string> }
  | { status: number; empty: true; headers?: Record<string, string> };

export const json = (value: unknown, status = 200): LakeResponse => ({ status, json: value });
