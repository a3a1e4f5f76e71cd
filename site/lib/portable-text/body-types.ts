// Narrowed views of the story body as the story query returns it. They are
// derived from the zod result schema, never restated, so a model change in
// schemas/ shows up here as a type error.
import type { BodyMember, PhotoResult } from '../../../schemas/queries/story.ts';

export type { BodyMember, PhotoResult };

export type BodyMemberType = BodyMember['_type'];
export type TextBlock = Extract<BodyMember, { _type: 'block' }>;
export type PullQuoteMember = Extract<BodyMember, { _type: 'pullQuote' }>;
export type PhotoMember = Extract<BodyMember, { _type: 'photo' }>;
export type Span = TextBlock['children'][number];
export type MarkDef = NonNullable<TextBlock['markDefs']>[number];
export type AnnotationType = MarkDef['_type'];
export type LinkMark = Extract<MarkDef, { _type: 'link' }>;
export type QuotationMark = Extract<MarkDef, { _type: 'quotation' }>;
export type BlockStyle = NonNullable<TextBlock['style']>;
export type ListType = NonNullable<TextBlock['listItem']>;

import type { decorators } from '../../../schemas/portable-text.ts';

export type Decorator = (typeof decorators)[number];
