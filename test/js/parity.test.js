// The browser must analyse text exactly as the Go indexer does, or queries
// miss: these cases come from Go (parity.json, written by TestJSFixture).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { terms, stem, referenceKey, fnv32 } from '../../static/assets/search-core.js';
import { readJSON } from './load.js';

const parity = await readJSON('parity.json');

test('terms() gives the terms Go gives', () => {
  for (const { text, terms: want } of parity.texts) {
    assert.deepEqual(terms(text), want, text);
  }
});

test('stem() matches the Go Snowball stemmer on its vocabulary sample', () => {
  const wrong = Object.entries(parity.stems).filter(([w, s]) => stem(w) !== s);
  assert.deepEqual(wrong.map(([w, s]) => `${w}: want ${s}, got ${stem(w)}`), []);
  assert.ok(Object.keys(parity.stems).length > 5000);
});

test('referenceKey() matches Go', () => {
  for (const [ref, key] of Object.entries(parity.refs)) assert.equal(referenceKey(ref), key, ref);
});

test('fnv32() is FNV-1a over UTF-8', () => {
  assert.equal(fnv32(''), 0x811c9dc5);
  assert.equal(fnv32('a'), 0xe40c292c);
  assert.equal(fnv32('foobar'), 0xbf9cf968);
});
