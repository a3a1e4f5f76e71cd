// Names for the mdast nodes the converter dispatches on. Directive nodes come
// from remark-directive's augmentation of the mdast types.
import type { BlockContent, DefinitionContent, PhrasingContent, Yaml } from 'mdast';
import type {} from 'remark-directive';

/** Every node that can stand at the top of a document or inside a block quote. */
export type FlowNode = BlockContent | DefinitionContent | Yaml;
export type FlowType = FlowNode['type'];
export type InlineType = PhrasingContent['type'];

export type TextDirective = Extract<PhrasingContent, { type: 'textDirective' }>;
export type LeafDirective = Extract<BlockContent, { type: 'leafDirective' }>;
export type ContainerDirective = Extract<BlockContent, { type: 'containerDirective' }>;
