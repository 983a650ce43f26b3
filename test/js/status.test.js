// What the search page announces: a reference that no response has, a query
// with nothing to search for, and a long query repeated in the status
// (search-core.js searchStatus, shortQuery). Queries run against the fixture
// log (internal/search/testdata/fixture.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture } from './load.js';
import { searchStatus, shortQuery, nothingToSearch, STATUS_QUERY_MAX, facetID } from '../../static/assets/search-core.js';

const index = await openFixture();
const search = (q, opts) => index.search(q, { limit: 50, ...opts });
const refs = (rs) => rs.map((r) => r.reference);

test('a reference no response has is reported, not counted as found', async () => {
  for (const [q, shown] of [
    ['FOI 1234/23', 'FOI 1234/23'],
    ['foi 1234/23', 'FOI 1234/23'],
    ['MP/FOI/2025/0907', 'MP/FOI/2025/0907'],
    ['IM-FOI-2024-9999', 'IM-FOI-2024-9999'],
    ['FOI-2024-0999', 'FOI-2024-0999'],
    ['FOI 9999/99', 'FOI 9999/99'],
    ['FOI 1234', 'FOI 1234'],
    ['NP FOI 378.22', 'NP FOI 378.22'],
  ]) {
    const res = await search(q);
    assert.equal(res.total, 0, q);
    assert.deepEqual(res.results, [], q);
    assert.deepEqual(res.missingReferences, [shown], q);
    // "FOI", "MP", "IM", years and one- or two-digit numbers are in nearly
    // every response: they never make a loose match
    assert.equal(res.loose.total, 0, `${q}: loose ${refs(res.loose.results)}`);
    const status = searchStatus(res);
    assert.equal(status, `No response has reference ${shown}. Check the reference, or search for words from the request.`);
    assert.doesNotMatch(status, /found/);
  }
});

test('a missing reference with a short number is reported too, with no loose matches from its pieces', async () => {
  // The fixture has FOI 101/23 … FOI 121/23, FOI 103/24, FOI 110/24 …: "FOI",
  // "23" and "24" are in most responses, and one or two digits are no
  // distinctive piece, so none of them is a loose match.
  for (const [q, shown] of [
    ['NL 9/24', 'NL 9/24'],
    ['nl 9/24', 'NL 9/24'],
    ['NL-9-24', 'NL-9-24'],
    ['NL 9/2024', 'NL 9/2024'],
    ['FOI 12/24', 'FOI 12/24'],
    ['FOI 9/24', 'FOI 9/24'],
    ['FOI 1/23', 'FOI 1/23'],
    ['FOI 7/25', 'FOI 7/25'],
    ['EIR 17/22', 'EIR 17/22'],
    ['MP/FOI/2025/7', 'MP/FOI/2025/7'],
    ['FOI 23/24', 'FOI 23/24'],
    ['NL 23/24', 'NL 23/24'],
  ]) {
    const res = await search(q);
    assert.equal(res.total, 0, q);
    assert.deepEqual(res.results, [], q);
    assert.deepEqual(res.missingReferences, [shown], q);
    assert.equal(res.loose.total, 0, `${q}: loose ${refs(res.loose.results)}`);
    assert.equal(searchStatus(res), `No response has reference ${shown}. Check the reference, or search for words from the request.`, q);
  }
  // the query's other words are still loose matches, the reference's pieces not
  const mixed = await search('taser FOI 9/24');
  assert.deepEqual(mixed.missingReferences, ['FOI 9/24']);
  assert.equal(mixed.total, 0);
  assert.deepEqual(refs(mixed.loose.results).sort(), refs((await search('taser ')).results).sort());
  // a short reference that is there is found
  for (const q of ['FOI 110/24', 'FOI 103/24']) assert.match(searchStatus(await search(q)), /^1 response found for /, q);
});

test('words shaped a little like a short reference are searched as words', async () => {
  for (const q of [
    '2023/24', '23/24', '9/24', '14/06/2023', 'FOI 2023/24', 'FOI 2024', 'NL 9 24', 'section 24', 's31(3)', 'ss 24',
    'covid-19', 'covid-19 drones', 'ANPR 9/24', 'cctv 9/24', 'drone 9/24', 'in 9/24', 'pay 23/24', 'nl 23/24', 'NL 9/2',
    'overtime 9/24', 'taser 24-hour ',
  ]) {
    const res = await search(q);
    assert.equal(res.missingReferences, undefined, q);
    assert.equal(res.loose, undefined, q);
  }
  assert.deepEqual(refs((await search('ANPR 9/24')).results).sort(), refs((await search('ANPR ')).results).sort());
  assert.deepEqual((await search('section 24')).clauses.map((c) => c.kind), ['cite']);
});

test('the loose matches of a missing reference come apart, under their own words', async () => {
  // the number of a real reference, with the wrong year and form
  const res = await search('FOI 0646/21');
  assert.equal(res.total, 0);
  assert.deepEqual(res.missingReferences, ['FOI 0646/21']);
  assert.deepEqual(refs(res.loose.results), ['IM-FOI-2022-0646']);
  assert.equal(searchStatus(res), 'No response has reference FOI 0646/21. Below is 1 response that mentions some of these words.');

  // other words of the query still find responses, as loose matches
  const mixed = await search('taser FOI 1234/23');
  assert.equal(mixed.total, 0);
  assert.deepEqual(mixed.missingReferences, ['FOI 1234/23']);
  const taser = await search('taser ');
  assert.deepEqual(refs(mixed.loose.results).sort(), refs(taser.results).sort());
  assert.match(searchStatus(mixed), /^No response has reference FOI 1234\/23\. Below are \d+ responses that mention some of these words\.$/);
  // the next page of loose matches
  const first = await index.search('taser FOI 1234/23', { limit: 1 });
  const next = await index.page(first.loose, 1, 10);
  assert.deepEqual(refs([...first.loose.results, ...next]), refs(mixed.loose.results));
  assert.match(searchStatus(first, { shown: 1 }), /, showing 1\.$/);
  // filters narrow the loose matches and are named
  const filtered = await search('taser FOI 1234/23', { filters: { year: ['2023'] } });
  assert.ok(filtered.loose.results.every((r) => r.date.startsWith('2023')));
  assert.match(searchStatus(filtered, { filters: 1 }), /some of these words, with 1 filter\.$/);
});

test('a reference that is there is found as before', async () => {
  for (const q of ['FOI 1648A/23', '1648A/23', 'IM-FOI-2022-0646', 'IM FOI 2022.0646']) {
    const res = await search(q);
    assert.equal(res.missingReferences, undefined, q);
    assert.equal(res.loose, undefined, q);
    assert.ok(res.total >= 1, q);
    assert.match(searchStatus(res), /^1 response found for /, q);
  }
});

test('words written like references are searched as words when no response has them', async () => {
  for (const q of ['ANPR 2023 ', 'covid-19 drones ', 'overtime 2022/23 ', '14/06/2023', 'taser 24-hour ']) {
    const res = await search(q);
    assert.equal(res.missingReferences, undefined, q);
    assert.ok(!res.clauses.some((c) => c.kind === 'ref'), `${q}: ${res.clauses.map((c) => c.kind)}`);
  }
  assert.deepEqual(refs((await search('ANPR 2023 ')).results).sort(), ['FOI 109/21', 'FOI 1648A/23']);
});

test('numbers alone do not make a match beside other words', async () => {
  const taser = refs((await search('taser ')).results).sort();
  assert.deepEqual(refs((await search('taser 2023 ')).results).sort(), taser);
  assert.deepEqual(refs((await search('taser 23 ')).results).sort(), taser);
  // a query of numbers only still finds what has them, all of them
  const year = await search('2023 ');
  assert.ok(year.total > 0);
  const both = await search('2023 0646');
  assert.ok(both.results.every((r) => refs(year.results).includes(r.reference)));
  assert.deepEqual(refs((await search('0646')).results), ['IM-FOI-2022-0646']);
});

test('a query with nothing to search for says so', async () => {
  const long = 'a'.repeat(5000);
  for (const [q, reason, status] of [
    ['the', 'common', '“the” has only very common words, which are not searched. Type a word, a reference or an exemption to search.'],
    ['the of and ', 'common', '“the of and” has only very common words, which are not searched. Type a word, a reference or an exemption to search.'],
    ['"the"', 'common', null],
    ['🚓', 'none', 'Type a word, a reference or an exemption to search.'],
    ['""', 'none', 'Type a word, a reference or an exemption to search.'],
    ['?!', 'none', 'Type a word, a reference or an exemption to search.'],
    [long, 'long', 'Words longer than 40 letters are not searched. Type a word, a reference or an exemption to search.'],
  ]) {
    const res = await search(q);
    assert.equal(res.total, 0, q);
    assert.equal(res.unsearchable, reason, q);
    assert.equal(nothingToSearch(q), reason, q);
    const got = searchStatus(res);
    if (status) assert.equal(got, status, q.slice(0, 20));
    assert.ok(got.length > 0 && got.length < 200, q.slice(0, 20));
  }
  // with a filter the filtered responses are listed, and the status says why
  const filtered = await search('the', { filters: { exemption: ['foia-s31'] } });
  assert.equal(filtered.total, 3);
  assert.equal(searchStatus(filtered, { filters: 1 }), '“the” has only very common words, which are not searched. 3 responses match the filter.');
  const emoji = await search('🚓', { filters: { exemption: ['foia-s31'] } });
  assert.equal(searchStatus(emoji, { filters: 1 }), 'Type a word, a reference or an exemption to search. 3 responses match the filter.');
});

test('a blank query is silent on opening the page and gets a hint when submitted', async () => {
  for (const q of ['', '   ']) {
    const res = await search(q);
    assert.equal(res.unsearchable, undefined);
    assert.equal(searchStatus(res), '');
    assert.equal(searchStatus(res, { submitted: true }), 'Type a word, a reference or an exemption to search.');
  }
});

test('no matches and matches are announced with the query', async () => {
  assert.equal(searchStatus(await search('zzyzx ')), 'No responses match “zzyzx”. Check the spelling or use fewer words.');
  assert.equal(
    searchStatus(await search('zzyzx ', { filters: { year: ['2023'] } }), { filters: 1 }),
    'No responses match “zzyzx” with 1 filter. Check the spelling, use fewer words or remove a filter.',
  );
  const res = await index.search('police ', { limit: 10 });
  assert.ok(res.total > 10);
  assert.equal(searchStatus(res), `${res.total} responses found for “police”, showing 10.`);
  assert.equal(searchStatus(await search('drawn ')), '1 response found for “drawn”.');
});

test('shortQuery cuts a long query at a word, with an ellipsis', () => {
  assert.equal(shortQuery('  tasers  in   2023 '), 'tasers in 2023');
  const exact = 'x'.repeat(STATUS_QUERY_MAX);
  assert.equal(shortQuery(exact), exact);
  const para =
    'You asked for its IT systems, including the software used to detect breaches of the network, the suppliers of that software and the cost of each contract over the last five years.';
  const s = shortQuery(para);
  assert.ok([...s].length <= STATUS_QUERY_MAX, s);
  assert.ok(s.endsWith('…'), s);
  assert.ok(para.startsWith(s.slice(0, -1)), s);
  assert.match(para.slice(s.length - 1), /^[\s,]/, 'cut at the end of a word');
  assert.equal(s, 'You asked for its IT systems, including the software used…');
  // one very long word is cut inside
  const word = shortQuery('a'.repeat(5000));
  assert.equal([...word].length, STATUS_QUERY_MAX);
  assert.ok(word.endsWith('…'));
  // characters outside the BMP count as one and are not split
  const emoji = shortQuery('🚓'.repeat(100));
  assert.equal([...emoji].length, STATUS_QUERY_MAX);
  assert.equal(emoji, '🚓'.repeat(STATUS_QUERY_MAX - 1) + '…');
});

test('the status repeats a pasted paragraph shortened, whatever the search finds', async () => {
  const para = ('its IT systems, including the software used to detect breaches of the force network and its suppliers ').repeat(20);
  for (const q of [para, para + ' FOI 1234/23']) {
    const res = await search(q);
    const status = searchStatus(res);
    assert.ok(status.length < 200, `${status.length}: ${status}`);
    assert.ok(!status.includes(para.slice(0, 100)), status);
  }
  const none = searchStatus(await search('zzyzx '.repeat(100)));
  assert.ok(none.includes('“zzyzx zzyzx'), none);
  assert.ok(none.length < 160, none);
  // a reference as long as a paragraph is shortened too
  const ref = searchStatus({ query: 'x', missingReferences: ['FOI ' + '1/'.repeat(200) + '23'], loose: { total: 0, results: [] } });
  assert.ok(ref.length < 160, ref);
});

test('filter checkboxes keep ids of their own in every script', () => {
  assert.equal(facetID('outcome', 'disclosed'), 'f-outcome-disclosed');
  const values = ['شرطة', 'مرور', 'дорожная-полиция', 'дорожная-служба', '警察', 'a_b', 'a-b', '🚓'];
  const ids = values.map((v) => facetID('topic', v));
  assert.equal(new Set(ids).size, values.length, ids.join(' '));
  for (const id of ids) assert.match(id, /^[a-z0-9_-]+$/);
});
