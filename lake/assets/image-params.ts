import { z } from 'zod';
import { errors } from '../errors/catalog.ts';

const dimension = z.coerce.number().int().min(1).max(8192);
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
    throw errors.badRequest(
      'InvalidImageParameter',
      `Invalid image parameter ${name}=${raw[name] ?? ''}: ${issue?.message}`,
      'See https://www.sanity.io/docs/image-urls for the parameters and their values.',
    );
  }
  return parsed.data;
}

/** A stable string of the parameters that change the output, for cache keys. */
export function paramsKey(params: ImageParams, format: string): string {
  const entries = Object.entries(params)
    .filter(([key, value]) => value !== undefined && key !== 'auto' && key !== 'fm')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`);
  return [...entries, `format=${format}`].join('&');
}
