import type { z } from 'zod';
import { personDocument } from '../person.ts';
import { photoProjection } from './projections.ts';
import { photoResult } from './results.ts';

export const peopleQuery = `*[_type == "person"] | order(name asc) {..., "portrait": portrait${photoProjection}}`;
export const personResult = personDocument.extend({ portrait: photoResult.optional() });
export type PersonResult = z.infer<typeof personResult>;
