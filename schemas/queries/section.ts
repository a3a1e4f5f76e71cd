import type { z } from 'zod';
import { sectionDocument } from '../section.ts';

export const sectionsQuery = `*[_type == "section"] | order(name asc)`;
export const sectionResult = sectionDocument;
export type SectionResult = z.infer<typeof sectionResult>;
