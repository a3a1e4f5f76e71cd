// GROQ projection fragments shared by several queries. They are constants
// joined at module load; values always travel as $params.
export const personSummaryProjection = `{_id, _type, name, slug, title}`;

export const contributorProjection = `{..., "person": person->${personSummaryProjection}}`;

export const imageAssetProjection = `{_id, url, extension, mimeType, metadata{dimensions, lqip, hasAlpha}}`;

export const photoProjection = `{
  ...,
  "asset": asset->${imageAssetProjection},
  "credit": credit{..., "photographer": photographer${contributorProjection}}
}`;

export const quoteProjection = `{_id, _type, text, speakerRole, "speaker": speaker${contributorProjection}}`;
