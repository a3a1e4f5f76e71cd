import { z } from 'zod';
import { errors } from '../errors/catalog.ts';

/** The longest side the lake renders, as Sanity's image CDN: w and h, and w×dpr and h×dpr. */
export const MAX_SIDE = 8192;
const dimension = z.coerce.number().int().min(1).max(MAX_SIDE);
const CROPS = ['top', 'bottom', 'left', 'right', 'center', 'focalpoint', 'entropy'] as const;

/** The @sanity/image-url parameters the lake renders (unknown parameters are ignored, as the CDN does). */
const schema = z.object({
  w: dimension.optional(),
  h: dimension.optional(),
  fit: z.enum(['clip', 'crop', 'fill', 'fillmax', 'max', 'scale', 'min']).optional(),
  crop: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(CROPS)))
    .optional(),
  rect: z
    .string()
    .transform((value) => value.split(',').map(Number))
    .pipe(z.tuple([z.number().int().min(0), z.number().int().min(0), z.number().int().min(1), z.number().int().min(1)]))
    .optional(),
  fm: z.enum(['jpg', 'pjpg', 'png', 'webp', 'avif']).optional(),
  q: z.coerce.number().int().min(0).max(100).optional(),
  auto: z.literal('format').optional(),
  dpr: z.coerce.number().min(1).max(3).optional(),
  'fp-x': z.coerce.number().min(0).max(1).optional(),
  'fp-y': z.coerce.number().min(0).max(1).optional(),
});

export type ImageParams = z.infer<typeof schema>;

export function parseImageParams(search: URLSearchParams): ImageParams {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = search.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'parameter');
    throw invalid(`${name}=${raw[name] ?? ''}: ${issue?.message}`);
  }
  // dpr multiplies w and h after their own check: w=8192&dpr=3 asked sharp for a
  // 24576-pixel side, gigabytes of memory for one request.
  const { w, h, dpr = 1 } = parsed.data;
  for (const [name, side] of [
    ['w', w],
    ['h', h],
  ] as const) {
    if (side !== undefined && Math.round(side * dpr) > MAX_SIDE) {
      throw invalid(
        `${name}=${side} with dpr=${dpr}: the image would be ${Math.round(side * dpr)} pixels, more than ${MAX_SIDE}`,
      );
    }
  }
  return parsed.data;
}

function invalid(what: string) {
  return errors.badRequest(
    'InvalidImageParameter',
    `Invalid image parameter ${what}`,
    'See https://www.sanity.io/docs/image-urls for the parameters and their values.',
  );
}

/** A stable string of the parameters that change the output, for cache keys. */
export function paramsKey(params: ImageParams, format: string): string {
  const entries = Object.entries(params)
    .filter(([key, value]) => value !== undefined && key !== 'auto' && key !== 'fm')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`);
  return [...entries, `format=${format}`].join('&');
}
