// measure.mjs: bytes a visitor downloads for each query, cold cache.
//
//   node test/js/measure.mjs < config.json
//
// config: {"root": "/path/to/site", "entry": "search/index/entry.….json",
//          "queries": [{"q": "taser", "filters": {}}, …]}
// Prints JSON: per query the compressed bytes of the scripts, the entry
// file, postings, dictionaries, facet files and document files (the first
// page of 10 results) and their total. Shards are stored gzipped, so their
// size on disk is their size on the wire; the entry file and scripts are
// counted gzipped at level 6, as a server would send them. Used by
// BenchmarkQueryBytes (internal/search/bench_test.go).
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { openIndex } from '../../static/assets/search-core.js';

const input = process.stdin.isTTY ? '' : readFileSync(0, 'utf8');
if (!input.trim()) {
  // run without a configuration (for example by a bare `node --test`): nothing to measure
  console.error('usage: node test/js/measure.mjs < config.json (see internal/search/bench_test.go)');
  process.exit(0);
}
const config = JSON.parse(input);
const gz = (b) => gzipSync(b, { level: 6 }).length;
const assets = new URL('../../static/assets/', import.meta.url);
const scripts = gz(await readFile(new URL('search-core.js', assets))) + gz(await readFile(new URL('search.js', assets)));
const root = pathToFileURL(config.root.endsWith('/') ? config.root : config.root + '/');
const entryURL = new URL(config.entry, root).href;

const kind = (url) => {
  if (url === entryURL) return 'entry';
  return { t: 'postings', w: 'dictionaries', s: 'dictionaries', f: 'facets', m: 'documents' }[url.split('/').at(-2)] ?? 'other';
};

const out = [];
// "@reference" stands for the reference number of a response in the middle of the log
const plain = await openIndex(entryURL, { load: async (url) => new Uint8Array(await readFile(new URL(url))) });
const middle = Math.floor(plain.entry.docs / 2);
const [sample] = await plain.page({ ids: [middle], scores: new Map(), matcher: { single: new Set(), seqs: [] } }, 0, 1);

for (const { q: query, filters = {}, sort = 'relevance', facets = true } of config.queries) {
  const q = query === '@reference' ? sample.reference : query;
  const sizes = { scripts, entry: 0, postings: 0, dictionaries: 0, facets: 0, documents: 0, other: 0 };
  let requests = 0;
  const load = async (url) => {
    const b = new Uint8Array(await readFile(new URL(url)));
    requests++;
    sizes[kind(url)] += url === entryURL ? gz(b) : b.length;
    return b;
  };
  const started = performance.now();
  const index = await openIndex(entryURL, { load });
  const res = await index.search(q, { filters, sort, limit: 10, facets });
  const ms = performance.now() - started;
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  out.push({ q, filters, total, requests, results: res.total, ms: Math.round(ms), ...sizes });
}
console.log(JSON.stringify(out, null, 1));
