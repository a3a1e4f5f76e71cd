// CloudFront's documented limits that the generated viewer-request function
// and its KeyValueStore data must fit, each with where AWS says so. A deploy
// that breaks one fails at `aws cloudfront update-function` or `update-keys`,
// after the site is uploaded; checking here fails the build step instead.

/**
 * Quotas on CloudFront Functions, "Maximum function size: 10 KB", counted on
 * the code as uploaded (comments and all; nothing minifies it on the way):
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-functions
 * Taken as 10,000 bytes, the stricter of the two readings of "10 KB".
 */
export const FUNCTION_CODE_MAX_BYTES = 10_000;

/**
 * The KeyValueStore import file: `{"data":[{"key","value"}]}`, UTF-8, no
 * duplicate keys, at most 5 MB, keys of at most 512 characters and values of
 * at most 1024:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/kvs-with-functions-create-s3-kvp.html
 * Counted in UTF-8 bytes, which are never fewer than characters.
 */
export const KVS_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const KVS_KEY_MAX_BYTES = 512;
export const KVS_VALUE_MAX_BYTES = 1024;

/**
 * UpdateKeys puts and deletes keys all or nothing, with the store's ETag
 * (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_kvs_UpdateKeys.html);
 * its default quota is 50 keys or a 3 MB payload per request, whichever
 * comes first (as the AWS provider for Pulumi/Terraform documents it for its
 * `max_batch_size`). 50 keys of at most 1.5 KB each stay far below 3 MB.
 */
export const UPDATE_KEYS_MAX_KEYS = 50;

/** The runtime the function is written for: const, let, async/await and KeyValueStore need 2.0. */
export const FUNCTION_RUNTIME = 'cloudfront-js-2.0';

/** How CloudFront counts code and data here: UTF-8 bytes. */
export const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');
