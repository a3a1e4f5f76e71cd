// GROQ projection fragments shared by several queries. They are constants
// joined at module load; values always travel as $params.
export const personSummaryProjection = `{_id, _type, name, slug, title}`;

export const contributorProjection = `{..., "person": person->${personSummaryProjection}}`;

// No `url`: it names the host and port the content came from, which differ
// between runs of the embedded lake; the site builds image URLs from its own
// configuration, so a story's digest depends only on its content.
export const imageAssetProjection = `{_id, extension, mimeType, metadata{dimensions, lqip, hasAlpha}}`;

export const photoProjection = `{
  ...,
  "asset": asset->${imageAssetProjection},
  "credit": credit{..., "photographer": photographer${contributorProjection}}
}`;

export const quoteProjection = `{_id, _type, text, speakerRole, language, "speaker": speaker${contributorProjection}}`;
