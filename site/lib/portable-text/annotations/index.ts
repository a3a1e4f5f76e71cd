// One handler per annotation type of the body schema. Adding an annotation to
// schemas/portable-text.ts without a handler here is a type error.
import type { AnnotationType, MarkDef } from '../body-types.ts';
import type { AnnotationHandler } from './handler.ts';
import { renderLink } from './link.ts';
import { renderQuotation } from './quotation.ts';

export const annotationHandlers = {
  link: renderLink,
  quotation: renderQuotation,
} satisfies { [T in AnnotationType]: AnnotationHandler<Extract<MarkDef, { _type: T }>> };

export function isKnownAnnotation(type: string): type is AnnotationType {
  return Object.hasOwn(annotationHandlers, type);
}
