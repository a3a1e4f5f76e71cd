// The embedded, Sanity-compatible content lake: public API.

export { FIRST_EDITOR_FILE, readFirstEditorToken } from './auth/first-editor.ts';
export { DEFAULT_STUDIO_URL, loginLink } from './auth/login-link.ts';
export { type Role, roleSchema } from './auth/roles.ts';
export { type CreateTokenOptions, createToken, listTokens, revokeToken, type TokenRecord } from './auth/token-store.ts';
export {
  createEditor,
  type EditorAccount,
  ensureUserTables,
  findEditor,
  issueEditorToken,
  listEditors,
  revokeEditor,
} from './auth/user-store.ts';
export type { KeptDraft } from './dataset-io/edited-drafts.ts';
export { type ExportOptions, type ExportResult, exportDataset } from './dataset-io/export-dataset.ts';
export { type ImportMode, type ImportOptions, type ImportResult, importDataset } from './dataset-io/import-dataset.ts';
export { ImportError } from './dataset-io/import-error.ts';
export type { WeakenedReference } from './dataset-io/missing-targets.ts';
export type { LakeOptions } from './options.ts';
export { type RunningLake, runningLake } from './running-lake.ts';
export { type Lake, startLake } from './start-lake.ts';
export type { LakeDocument } from './store/document.ts';
export { LakeStore } from './store/lake-store.ts';
export { DATABASE_FILE, openDatabase } from './store/open-database.ts';
export { isStorageFull } from './store/storage-full.ts';
export type { DocumentEffect, TransactionEvent } from './store/transaction-event.ts';
export { ensureLocalCertificates, type LocalCertificates, loopbackHosts } from './tls/local-certificates.ts';
export { defaultTlsDir } from './tls/tls-dir.ts';
export { type Attempt, createDeliveryQueue, type Delivery, type DeliveryStatus } from './webhooks/delivery-queue.ts';
export { encodeSignatureHeader, isValidSignature, SIGNATURE_HEADER } from './webhooks/signature.ts';
export type { Webhook, WebhookDefinition } from './webhooks/webhook-definition.ts';
export { addWebhook, listWebhooks, removeWebhook } from './webhooks/webhook-store.ts';
