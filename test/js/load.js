// Opens the fixture index (built by Go from internal/search/testdata/fixture.json,
// see internal/search/fixture_test.go) with search-core.js, reading files from disk.
import { readFile } from 'node:fs/promises';
import { openIndex } from '../../static/assets/search-core.js';

export const fixtureDir = new URL('./fixture/', import.meta.url);

export async function readJSON(name) {
  return JSON.parse(await readFile(new URL(name, fixtureDir), 'utf8'));
}

/** openFixture returns a SearchIndex over the fixture; index.stats counts what it read. */
export async function openFixture() {
  const { entry } = await readJSON('index.json');
  const load = async (url) => new Uint8Array(await readFile(new URL(url)));
  return openIndex(new URL(entry, fixtureDir).href, { load });
}
