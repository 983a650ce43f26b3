// highlight() skips stemming the words that cannot match: it must mark
// exactly what analysing every word would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlight, terms, stem } from '../../static/assets/search-core.js';
import { readJSON } from './load.js';

const parity = await readJSON('parity.json');
const vocabulary = Object.keys(parity.stems);

// slowHighlight returns the marked runs of text as highlight() was before
// its shortcut: with every word analysed by terms().
function slowHighlight(text, { single, seqs }) {
  const toks = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['\u2019\u2018\u02bc][\p{L}\p{N}\p{M}]+)*/gu)) {
    const ts = terms(m[0]);
    if (ts.length) toks.push({ start: m.index, end: m.index + m[0].length, terms: ts });
  }
  const ranges = [];
  for (const t of toks) if (t.terms.some((x) => single.has(x))) ranges.push([t.start, t.end]);
  for (const seq of seqs) {
    for (let i = 0; i + seq.length <= toks.length; i++) {
      if (seq.every((s, j) => toks[i + j].terms.includes(s))) ranges.push([toks[i].start, toks[i + seq.length - 1].end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [s, e] of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && (s <= prev[1] || /^\s*$/.test(text.slice(prev[1], s)))) prev[1] = Math.max(prev[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([s, e]) => text.slice(s, e));
}

const marks = (parts) => parts.filter((p) => p.mark).map((p) => p.text);

test('a stem starts with the first two letters of its word, but for the special stems', () => {
  const odd = vocabulary.filter((w) => /^[a-z]+$/.test(w) && !w.startsWith(stem(w).slice(0, 2)));
  assert.deepEqual(odd.sort(), ['dying', 'lying', 'tying'].filter((w) => vocabulary.includes(w)));
});

test('highlight marks the words and runs that analysing every word marks', () => {
  // a fixed pseudo-random sequence, so failures repeat
  let seed = 1;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const extra = ['dying', 'Lying', 'TYING', "officer's", 'Café', 'naïve', 'ﬁle', 'the', 'of', 'and', 's31', '2024', 'stop', 'search',
    'x'.repeat(41), 'A', 'ß', 'İstanbul', 'K', 'aed'];
  const cases = [
    ['Stop and search: the dying officer’s stop-and-search', new Set(terms('die officers')), [['stop', 'search']]],
    ["An aed of ﬁles in İstanbul, 2024's", new Set(['a', ...terms('files istanbul 2024s')]), []],
  ];
  for (const [text, single, seqs] of cases) {
    assert.deepEqual(marks(highlight(text, { single, seqs })), slowHighlight(text, { single, seqs }), text);
  }
  const pool = [...vocabulary, ...parity.texts.flatMap((t) => t.text.split(/\s+/))];
  const word = () => (rand(3) ? pool[rand(pool.length)] : extra[rand(extra.length)]);
  for (let round = 0; round < 1000; round++) {
    const words = Array.from({ length: 5 + rand(20) }, word);
    const text = words.join(rand(2) ? ' ' : ', ');
    const sought = Array.from({ length: 1 + rand(4) }, () => terms(words[rand(words.length)])).flat();
    const single = new Set(sought.slice(0, 1 + rand(sought.length)));
    if (rand(3) === 0) single.add(terms(word())[0] ?? 'zz');
    const seqs = [];
    const start = rand(words.length);
    const seq = terms(words.slice(start, start + 2 + rand(2)).join(' '));
    if (seq.length > 1) seqs.push(seq);
    const parts = highlight(text, { single, seqs });
    assert.equal(parts.map((p) => p.text).join(''), text);
    assert.deepEqual(marks(parts), slowHighlight(text, { single, seqs }), `${text}\n${[...single]} ${JSON.stringify(seqs)}`);
  }
});
