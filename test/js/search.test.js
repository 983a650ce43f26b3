// Queries against the fixture log (internal/search/testdata/fixture.json),
// checking what a person searching would see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture } from './load.js';
import { parseQuery, stateFromParams, paramsFromState, highlight, withinOneEdit } from '../../static/assets/search-core.js';

const index = await openFixture();
const refs = (res) => res.results.map((r) => r.reference);
const search = (q, opts) => index.search(q, { limit: 50, ...opts });

test('a word finds the responses that contain it, in any form', async () => {
  const res = await search('drawn ');
  assert.deepEqual(refs(res), ['FOI 101/23']);
  assert.equal(res.total, 1);
});

test('case and diacritics do not matter', async () => {
  for (const q of ['cafe ', 'CAFÉ ', 'cafés ']) {
    assert.deepEqual(refs(await search(q)), ['FOI 119/21'], q);
  }
});

test('typos of one letter still find the response', async () => {
  assert.ok(refs(await search('tazers ')).includes('FOI 101/23'), 'tazers');
  assert.equal(refs(await search('overtme '))[0].startsWith('FOI 10'), true);
  assert.ok(refs(await search('overtme ')).includes('FOI 104/22'), 'overtme');
  const rec = refs(await search('recogniton '));
  assert.ok(rec.includes('FOI 106/23'), 'recogniton');
  // the log only says "cartridges": the typo is one edit from its stem
  assert.deepEqual(refs(await search('catridge ')), ['FOI 103/24']);
  // short words are not corrected
  assert.deepEqual(refs(await search('tazr ')), []);
});

test('the word being typed matches as a prefix', async () => {
  const res = await search('overt');
  assert.ok(refs(res).includes('FOI 104/22'));
  assert.ok(refs(res).includes('FOI 105/23'));
  // a finished word (followed by a space) is not a prefix
  assert.deepEqual(refs(await search('tase ')), []);
  assert.ok(refs(await search('tase')).includes('FOI 101/23'));
});

test('quoted phrases must appear as phrases', async () => {
  const res = await search('"stop and search"');
  assert.deepEqual(refs(res), ['FOI 110/24']);
  // unquoted, the response with both words apart also matches, lower
  const loose = refs(await search('stop search '));
  assert.equal(loose[0], 'FOI 110/24');
  assert.ok(loose.includes('FOI 111/22'));
});

test('abbreviations find their long forms and the other way round', async () => {
  assert.deepEqual(refs(await search('ANPR ')).sort(), ['FOI 109/21', 'FOI 1648A/23']);
  assert.deepEqual(refs(await search('automatic number plate recognition ')).sort(), ['FOI 109/21', 'FOI 1648A/23']);
  assert.deepEqual(refs(await search('UAV ')).sort(), ['FOI 112/23', 'FOI 113/24']);
  assert.deepEqual(refs(await search('drones ')).sort(), ['FOI 112/23', 'FOI 113/24']);
  assert.deepEqual(refs(await search('LFR ')).sort(), ['FOI 106/23', 'FOI 107/22']);
  assert.ok(refs(await search('CED ')).includes('FOI 101/23'));
  assert.ok(refs(await search('taser ')).includes('FOI 103/24'), 'taser finds conducted energy devices');
  assert.deepEqual(refs(await search('CHIS ')), ['FOI 114/22']);
  assert.deepEqual(refs(await search('BWV ')), ['FOI 115/24']);
});

test('citations find the responses that cite the provision', async () => {
  assert.deepEqual(refs(await search('s31(3)'))[0], 'FOI 1648A/23');
  for (const q of ['section 31', 's31', 's.31', 'FOIA s31', 'Section 31 ']) {
    assert.deepEqual(refs(await search(q)).sort(), ['FOI 106/23', 'FOI 116/23', 'FOI 1648A/23'], q);
  }
  assert.equal(refs(await search('31(3)'))[0], 'FOI 1648A/23');
  assert.deepEqual(refs(await search('reg 12(4)(b)')), ['EIR 117/22']);
  assert.deepEqual(refs(await search('12(4)(b)')), ['EIR 117/22']);
  assert.deepEqual(refs(await search('s35')), ['FOISA 118/23']);
  // a section nobody cited is searched as text
  assert.deepEqual((await search('s99')).clauses.map((c) => c.kind), ['word']);
});

test('NCND finds neither-confirm-nor-deny responses by outcome, provision or wording', async () => {
  assert.deepEqual(refs(await search('NCND ')).sort(), ['FOI 114/22', 'FOI 1648A/23']);
  assert.deepEqual(refs(await search('neither confirm nor deny ')).sort(), ['FOI 114/22', 'FOI 1648A/23']);
});

test('reference numbers find their response first', async () => {
  for (const q of ['1648A/23', 'FOI 1648A/23', 'foi 1648a-23', '1648a']) {
    assert.equal(refs(await search(q))[0], 'FOI 1648A/23', q);
  }
  assert.equal(refs(await search('EIR 117/22'))[0], 'EIR 117/22');
  // forms with letters first and other separators
  assert.equal(refs(await search('IM FOI 2022.0646'))[0], 'IM-FOI-2022-0646');
  assert.equal((await search('ANPR 2023 ')).clauses.length, 2, 'an abbreviation and a year are not a reference');
  // letters before the number belong to the reference
  const im = await search('IM-FOI-2022-0646');
  assert.deepEqual(refs(im), ['IM-FOI-2022-0646']);
  assert.equal(im.clauses[0].kind, 'ref');
});

test('partial matches rank after responses that match every word', async () => {
  const res = await search('taser overtime ');
  assert.equal(refs(res)[0], 'FOI 105/23');
  assert.ok(res.results[0].matchesAll);
  assert.ok(refs(res).includes('FOI 104/22'), 'overtime alone still listed');
  assert.ok(refs(res).includes('FOI 101/23'), 'taser alone still listed');
  assert.ok(!res.results[1].matchesAll);
});

test('filters: OR within a group, AND across groups', async () => {
  const s31 = await search('', { filters: { exemption: ['foia-s31'] } });
  assert.deepEqual(refs(s31), ['FOI 1648A/23', 'FOI 106/23', 'FOI 116/23'], 'newest first');
  const either = await search('', { filters: { exemption: ['foia-s31', 'foia-s40'] } });
  assert.equal(either.total, 5);
  const and = await search('', { filters: { exemption: ['foia-s31', 'foia-s40'], year: ['2023'] } });
  assert.deepEqual(refs(and).sort(), ['FOI 106/23', 'FOI 116/23', 'FOI 121/23', 'FOI 1648A/23']);
  const provision = await search('', { filters: { exemption: ['foia-s31-3'] } });
  assert.deepEqual(refs(provision), ['FOI 1648A/23']);
});

test('facet counts are computed over the results filtered by the other groups', async () => {
  const res = await search('officers ', { filters: { year: ['2023'] } });
  const group = (name) => Object.fromEntries(res.facets.find((f) => f.name === name).values.map((v) => [v.value, v]));
  const years = group('year');
  // the year group ignores the year filter: other years keep their counts
  assert.ok(years['2021'].count > 0);
  assert.ok(years['2023'].selected);
  const all = await search('officers ');
  assert.equal(years['2023'].count, all.results.filter((r) => r.date.startsWith('2023')).length);
  // other groups count only 2023 responses
  const outcomes = group('outcome');
  const sum = Object.values(outcomes).reduce((n, v) => n + v.count, 0);
  assert.equal(sum, res.total);
  // sections nest their provisions
  const ex = group('exemption');
  assert.ok(ex['foia-s31'].children.some((c) => c.value === 'foia-s31-3'));
});

test('sort by date lists matching responses newest first', async () => {
  const res = await search('taser ', { sort: 'date' });
  const dates = res.results.map((r) => r.date);
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.ok(res.total >= 4);
});

test('results carry what the page shows, with matched words marked', async () => {
  const [r] = (await search('live facial recognition ')).results;
  assert.equal(r.url, 'responses/foi-106-23/');
  assert.equal(r.title, 'Live facial recognition deployments');
  assert.equal(r.date, '2023-06-14');
  assert.deepEqual(r.outcome, { slug: 'partial', label: 'Partly disclosed' });
  assert.deepEqual(r.exemptions.map((x) => x.provision), ['FOIA s31(1)(a)']);
  assert.ok(r.excerptParts.some((p) => p.mark && /facial recognition/i.test(p.text)), JSON.stringify(r.excerptParts));
  assert.equal(r.excerptParts.map((p) => p.text).join(''), r.excerpt);
});

test('highlight marks words by their terms and runs for phrases', () => {
  const parts = highlight('Stop and search: searches stopped.', { single: new Set(['search']), seqs: [['stop', 'search']] });
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['Stop and search', 'searches']);
});

test('an empty query lists nothing but reports the whole log in the facets', async () => {
  const res = await search('');
  assert.equal(res.total, 0);
  assert.ok(res.empty);
  const years = res.facets.find((f) => f.name === 'year').values;
  assert.equal(years.reduce((n, v) => n + v.count, 0), index.entry.docs);
});

test('stop words alone are an empty query', async () => {
  assert.ok((await search('the of and ')).empty);
});

test('URL state round-trips', () => {
  const p = new URLSearchParams('q=tasers&exemption=foia-s31&exemption=foia-s40&year=2024&sort=date&junk=1');
  const s = stateFromParams(p);
  assert.deepEqual(s, { q: 'tasers', filters: { exemption: ['foia-s31', 'foia-s40'], year: ['2024'] }, sort: 'date' });
  assert.equal(paramsFromState(s).toString(), 'q=tasers&exemption=foia-s31&exemption=foia-s40&year=2024&sort=date');
  assert.equal(paramsFromState({ q: ' ', filters: {}, sort: 'relevance' }).toString(), '');
});

test('parseQuery recognises the parts of a query', () => {
  const { clauses } = parseQuery('"stop and search" s31(3) FOI 1648A/23 ANPR tas', index.entry);
  assert.deepEqual(clauses.map((c) => c.kind), ['phrase', 'cite', 'ref', 'synonym', 'word']);
  assert.equal(clauses[4].prefix, 'tas');
});

test('withinOneEdit', () => {
  for (const [a, b] of [['tazers', 'tasers'], ['overtme', 'overtime'], ['recogniton', 'recognition'], ['form', 'from'], ['abc', 'abc']]) {
    assert.ok(withinOneEdit(a, b), `${a} ${b}`);
  }
  for (const [a, b] of [['tazrs', 'tasers'], ['abcd', 'dcba'], ['overtime', 'overt']]) assert.ok(!withinOneEdit(a, b), `${a} ${b}`);
});

test('facets: false skips facet data until facets() asks for it', async () => {
  const fresh = await openFixture();
  const res = await fresh.search('officers ', { facets: false });
  assert.equal(res.facets, null);
  assert.ok(!fresh.stats.urls.some((u) => u.includes('/f/')), 'no facet file fetched');
  const facets = await fresh.facets(res);
  const full = await search('officers ');
  assert.deepEqual(facets, full.facets);
});

test('a section counts each response once, also one citing the bare section', async () => {
  // the fixture has a provision whose slug is its section's (foia-s21)
  for (const q of ['s21', 'police ', '']) {
    const res = await search(q, q ? {} : { filters: { year: ['2023'] } });
    const sections = res.facets.find((f) => f.name === 'exemption').values;
    for (const s of sections) {
      const want = res.results.filter((r) => r.exemptions.some((x) => x.section === s.value)).length;
      assert.equal(s.count, want, `${q || 'year 2023'}: ${s.value}`);
    }
  }
});
