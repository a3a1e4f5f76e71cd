// Where no release store lives between deploys (the hosted GitHub workflow
// builds on a fresh runner every time), the history of story addresses is a
// JSON file kept from run to run instead: path → the last story that had it,
// as the store's story_path table keeps it. `hosting-headers --history` adds
// each build's addresses and writes the redirects from it; the build reads
// the same file as NEWSROOM_STORY_HISTORY to mend links in bodies.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { publicBuildFiles } from './build-files.ts';
import { storyRedirects } from './story-redirects.ts';

/** The history in `file`; empty when there is none yet (the first run). */
export function readHistoryFile(file: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not the history of story addresses: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} is not the history of story addresses: expected a JSON object of path → story id`);
  }
  const entries = Object.entries(parsed);
  const bad = entries.find(([path, id]) => !path.startsWith('/') || typeof id !== 'string');
  if (bad) {
    throw new Error(
      `${file} is not the history of story addresses: ${JSON.stringify(bad[0])} → ${JSON.stringify(bad[1])} is not a path and a story id`,
    );
  }
  return new Map(entries as [string, string][]);
}

/**
 * Adds a build's story addresses (story id → path) to `file` and returns the
 * redirects the build's site should answer. The file is replaced whole, so a
 * run stopped halfway leaves the last one's.
 */
export async function recordBuildInHistory(
  file: string,
  buildDir: string,
  stories: Readonly<Record<string, string>>,
): Promise<Map<string, string>> {
  const history = readHistoryFile(file);
  for (const [id, path] of Object.entries(stories)) history.set(path, id);
  const sorted = Object.fromEntries([...history].sort(([a], [b]) => a.localeCompare(b)));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(sorted, null, 1)}\n`);
  renameSync(`${file}.tmp`, file);
  return storyRedirects(history, { files: Object.fromEntries(await publicBuildFiles(buildDir)), stories });
}
