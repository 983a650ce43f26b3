/**
 * search-core.js: the foilog search engine, for the browser and for Node.
 *
 * A DOM-free ES module that turns a query into ranked results by reading
 * the static index written by internal/search (format: FORMAT.md there).
 * It downloads only what a query needs: the entry file once, one postings
 * file per term, a dictionary file for prefix and typo expansion, the facet
 * data of the matches and the document files of the page shown.
 *
 *   import { openIndex } from './search-core.js';
 *   const index = await openIndex('/search/index/entry.5f3a9c0d1e.json');
 *   const res = await index.search('tasers', { filters: { year: ['2024'] } });
 *   res.total;            // number of matching responses after filters
 *   res.results;          // the first page: title, reference, date, outcome,
 *                         //   exemptions, excerptParts ([{text, mark}]) …
 *   res.facets;           // [{name, label, values: [{value, label, count, selected}]}]
 *   await index.page(res, 10, 10);   // the next ten results
 *   searchStatus(res);    // "3 responses found for “tasers”." (what the page announces)
 *
 * A query naming a reference no response has ("FOI 1234/23") finds
 * nothing: res.missingReferences names it, and what its other words match
 * is apart in res.loose ({total, ids, results}; index.page(res.loose, …)).
 *
 * Query language: words (stemmed, stop words ignored; the last word is also
 * a prefix unless followed by a space; words of five letters or more
 * tolerate one typo when they match nothing), "quoted phrases" (required),
 * citations (s31, s31(3), section 31, s.31, 31(3), reg 12(4)(b), FOIA s31),
 * reference numbers (1648A/23, FOI 1648A/23) and the abbreviations of the
 * index's synonym table (ANPR, NCND, BWV …). Responses that match every
 * part rank first; responses that match some still appear, after them.
 */

export const FORMAT_VERSION = 1;

/** Facet groups in display order, with the URL parameter each uses. */
export const FACET_GROUPS = [
  { name: 'exemption', label: 'Exemption', plural: 'exemptions' },
  { name: 'year', label: 'Year', plural: 'years' },
  { name: 'outcome', label: 'Outcome', plural: 'outcomes' },
  { name: 'force', label: 'Force', plural: 'forces' },
  { name: 'topic', label: 'Topic', plural: 'topics' },
  { name: 'regime', label: 'Law', plural: 'laws' },
];

/** Sort orders: by relevance (default) or newest first. */
export const SORTS = ['relevance', 'date'];

const PREFIX_EXPANSIONS = 3; // completions of the word being typed
const PREFIX_WEIGHT = 0.8;
const TYPO_EXPANSIONS = 3;
const TYPO_WEIGHT = 0.7;
const SECTION_WEIGHT = 0.6; // "s31(3)" also finds other s31 provisions, lower
const REF_WEIGHT = 1.5;

// ---------------------------------------------------------------------------
// Text analysis: the same as internal/search/text.go (FORMAT.md, "Text
// analysis"); test/js/parity.test.js checks both give the same terms.

const FOLD_SPECIAL = { ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', ς: 'σ' };

/** fold lower-cases s, removes diacritics and compatibility forms. */
export function fold(s) {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[ßæœþøđðłıς]/g, (c) => FOLD_SPECIAL[c]);
}

const APOSTROPHE = /(?<=[\p{L}\p{N}\p{M}])['\u2019\u2018\u02bc](?=[\p{L}\p{N}\p{M}])/gu;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** words splits folded text into words, joining words at apostrophes. */
export function words(folded) {
  const out = [];
  for (const m of folded.replace(APOSTROPHE, '').matchAll(WORD)) {
    if ([...m[0]].length <= 40) out.push(m[0]);
  }
  return out;
}

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can did do does doing don down during each few for from further had has have having
  he her here hers herself him himself his how i if in into is it its itself just me more most my myself
  no nor not now of off on once only or other our ours ourselves out over own s same she should so some
  such t than that the their theirs them themselves then there these they this those through to too under
  until up very was we were what when where which while who whom why will with you your yours yourself
  yourselves`.split(/\s+/),
);

/** isStopWord reports whether a folded word is an English stop word. */
export const isStopWord = (w) => STOP_WORDS.has(w);

/** terms returns the index terms of text, in order (like Go search.Terms). */
export function terms(text) {
  return words(fold(text))
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}

// The Snowball English (Porter2) stemmer, ported from
// github.com/kljensen/snowball v0.10.0 step by step, for words of ASCII
// letters; anything else is its own stem.
const SPECIAL_STEMS = {
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
  ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe',
  atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes', inning: 'inning', innings: 'inning',
  outing: 'outing', outings: 'outing', canning: 'canning', cannings: 'canning', herring: 'herring',
  herrings: 'herring', earring: 'earring', earrings: 'earring', proceed: 'proceed', proceeds: 'proceed',
  proceeded: 'proceed', proceeding: 'proceed', exceed: 'exceed', exceeds: 'exceed', exceeded: 'exceed',
  exceeding: 'exceed', succeed: 'succeed', succeeds: 'succeed', succeeded: 'succeed', succeeding: 'succeed',
};
const STEP2 = ['ational', 'fulness', 'iveness', 'ization', 'ousness', 'biliti', 'lessli', 'tional', 'alism',
  'aliti', 'ation', 'entli', 'fulli', 'iviti', 'ousli', 'anci', 'abli', 'alli', 'ator', 'enci', 'izer', 'bli',
  'ogi', 'li'];
const STEP2_REPL = {
  tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
  ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful',
  ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble', fulli: 'ful',
  lessli: 'less',
};
const STEP3 = ['ational', 'tional', 'alize', 'icate', 'ative', 'iciti', 'ical', 'ful', 'ness'];
const STEP3_REPL = { ational: 'ate', tional: 'tion', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '' };
const STEP4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ent', 'ant', 'ism', 'ate', 'iti', 'ous', 'ive',
  'ize', 'ion', 'al', 'er', 'ic'];
const vowel = (c) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';

/** stem returns the Snowball English stem of a folded word of letters a–z. */
export function stem(word) {
  if (!/^[a-z]+$/.test(word) || word.length <= 2) return word;
  if (Object.hasOwn(SPECIAL_STEMS, word)) return SPECIAL_STEMS[word];
  const rs = word.split('');
  for (let i = 0; i < rs.length; i++) {
    if (rs[i] === 'y' && (i === 0 || vowel(rs[i - 1]))) rs[i] = 'Y';
  }
  const vnv = (start) => {
    for (let i = 1; i < rs.length - start; i++) {
      if (vowel(rs[start + i - 1]) && !vowel(rs[start + i])) return start + i + 1;
    }
    return rs.length;
  };
  const special = ['gener', 'commun', 'arsen'].find((p) => word.startsWith(p));
  let r1 = special ? special.length : vnv(0);
  let r2 = vnv(r1);
  const ends = (s) => {
    if (s.length > rs.length) return false;
    for (let i = 0; i < s.length; i++) if (rs[rs.length - s.length + i] !== s[i]) return false;
    return true;
  };
  const first = (list) => list.find(ends) ?? '';
  const reset = () => {
    r1 = Math.min(r1, rs.length);
    r2 = Math.min(r2, rs.length);
  };
  const cut = (n) => {
    rs.length -= n;
    reset();
  };
  const replace = (suffix, repl) => {
    rs.length -= suffix.length;
    rs.push(...repl);
    reset();
  };
  const shortSyllable = (i) => {
    if (i === 2) return vowel(rs[0]) && !vowel(rs[1]);
    if (i >= 3) {
      const [s3, s2, s1] = [rs[i - 3], rs[i - 2], rs[i - 1]];
      return !vowel(s1) && s1 !== 'w' && s1 !== 'x' && s1 !== 'Y' && vowel(s2) && !vowel(s3);
    }
    return false;
  };

  // step 1a
  let s = first(['sses', 'ied', 'ies', 'us', 'ss', 's']);
  if (s === 'sses') replace(s, 'ss');
  else if (s === 'ied' || s === 'ies') replace(s, rs.length > 4 ? 'i' : 'ie');
  else if (s === 's') {
    for (let i = 0; i < rs.length - 2; i++) {
      if (vowel(rs[i])) {
        cut(1);
        break;
      }
    }
  }
  // step 1b
  s = first(['eedly', 'ingly', 'edly', 'ing', 'eed', 'ed']);
  if (s === 'eed' || s === 'eedly') {
    if (s.length <= rs.length - r1) replace(s, 'ee');
  } else if (s !== '' && rs.slice(0, rs.length - s.length).some(vowel)) {
    const [o1, o2] = [r1, r2];
    cut(s.length);
    const t = first(['at', 'bl', 'iz', 'bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
    let short = false;
    if (t === '') {
      if (r1 >= rs.length && shortSyllable(rs.length)) {
        rs.push('e');
        r1 = r2 = rs.length;
        short = true;
      }
    } else if (t === 'at' || t === 'bl' || t === 'iz') replace(t, t + 'e');
    else cut(1);
    if (!short) {
      r1 = Math.min(o1, rs.length);
      r2 = Math.min(o2, rs.length);
    }
  }
  // step 1c
  const last = rs.length - 1;
  if (rs.length > 2 && (rs[last] === 'y' || rs[last] === 'Y') && !vowel(rs[last - 1])) rs[last] = 'i';
  // step 2
  s = first(STEP2);
  if (s !== '' && s.length <= rs.length - r1) {
    if (s === 'li') {
      if (rs.length >= 3 && 'cdeghkmnrt'.includes(rs[rs.length - 3])) cut(2);
    } else if (s === 'ogi') {
      if (rs.length >= 4 && rs[rs.length - 4] === 'l') replace(s, 'og');
    } else replace(s, STEP2_REPL[s]);
  }
  // step 3
  s = first(STEP3);
  if (s !== '' && s.length <= rs.length - r1) {
    if (s === 'ative') {
      if (rs.length - r2 >= 5) cut(5);
    } else replace(s, STEP3_REPL[s]);
  }
  // step 4
  s = first(STEP4);
  if (s !== '' && s.length <= rs.length - r2) {
    if (s === 'ion') {
      if (rs.length >= 4 && (rs[rs.length - 4] === 's' || rs[rs.length - 4] === 't')) cut(3);
    } else cut(s.length);
  }
  // step 5
  const lri = rs.length - 1;
  if (r1 <= lri) {
    if (rs[lri] === 'e') {
      if (r2 <= lri || !shortSyllable(lri)) cut(1);
    } else if (r2 <= lri && rs[lri] === 'l' && lri >= 1 && rs[lri - 1] === 'l') cut(1);
  }
  return rs.join('').replaceAll('Y', 'y');
}

const encoder = new TextEncoder();

/** fnv32 is the 32-bit FNV-1a hash of s's UTF-8 bytes (buckets). */
export function fnv32(s) {
  let h = 0x811c9dc5;
  for (const b of encoder.encode(s)) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h >>> 0;
}

const REF_PREFIXES = ['foi', 'foia', 'foisa', 'eir', 'eisr', 'ref', 'reference', 'request', 'no', 'number'];

/** referenceKey returns the canonical key of a reference number ("FOI 1648A/23" → "1648a/23"), or "". */
export function referenceKey(ref) {
  const parts = fold(ref).match(WORD) ?? [];
  while (parts.length && REF_PREFIXES.includes(parts[0])) parts.shift();
  if (parts.length) {
    for (const p of REF_PREFIXES.slice(0, 5)) {
      if (parts[0].startsWith(p) && /^[0-9]/.test(parts[0].slice(p.length))) {
        parts[0] = parts[0].slice(p.length);
        break;
      }
    }
  }
  const key = parts.join('/');
  return /[0-9]/.test(key) ? key : '';
}

// ---------------------------------------------------------------------------
// Query parsing

const CITATION =
  /(?:\b(foia|foisa|eisr|eir)\s*)?\b(sections?|ss|sec|s|regulations?|regs?|r)\s*\.?\s*(\d+[a-z]?)((?:\s*\(\s*[0-9a-z]{1,4}\s*\))*)(?![\p{L}\p{N}])/gu;
const BARE_CITATION = /(?:\b(foia|foisa|eisr|eir)\s*)?\b(\d+[a-z]?)((?:\s*\(\s*[0-9a-z]{1,4}\s*\))+)/gu;
const REFERENCE =
  /(?:\b(?:foia|foisa|foi|eisr|eir|ref|reference|request)\b[\s:#.]*)?\b[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)+/gu;

// Words that say a code is a request's reference ("FOI 1234", "EIR1234").
const REF_NAMES = ['foi', 'foia', 'foisa', 'eir', 'eisr', 'ref', 'reference', 'request'];

// A reference key that is a date or a span of years (FORMAT.md, "What the
// client does with a query").
const DATE_LIKE = /^(?:\d{1,2}\/\d{1,2}\/(?:\d{2}|\d{4})|(?:19|20)\d\d\/(?:\d{2}|(?:19|20)\d\d))$/;

/**
 * distinctivePiece reports whether a piece of a reference key ("0907" of
 * "mp/foi/2025/0907") is worth searching for when the reference itself is
 * not in the log: it has a digit and is not a year or a number of one or
 * two digits. Letter codes ("foi", "mp") and years are shared by most
 * responses and would list them all.
 */
function distinctivePiece(p) {
  return /\d/.test(p) && !/^\d{1,2}$/.test(p) && !/^(?:19|20)\d\d$/.test(p);
}

/**
 * shortReference reports whether a reference with no distinctive piece is
 * still surely one: codes, then a short number and a year ("NL 9/24",
 * "FOI 12/24"). The rule and its guards are in FORMAT.md, "What the client
 * does with a query". `m` is the reference folded, `query` as typed.
 */
function shortReference(pieces, m, named, entry, query) {
  if (pieces.length < 2) return false;
  const [a, b] = pieces.slice(-2);
  const letters = pieces.slice(0, -2);
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b) || !letters.every((p) => /^\p{L}+$/u.test(p))) return false;
  if (!/\d\s*[/.-]\s*\d+[\s:#.]*$/.test(m)) return false;
  const year4 = (p) => /^(?:19|20)\d\d$/.test(p);
  const small = (p) => /^\d{1,2}$/.test(p);
  const shaped = (small(a) && (/^\d\d$/.test(b) || year4(b))) || (year4(a) && small(b));
  if (!shaped) return false;
  if (named) return true;
  const synonyms = new Set((entry?.synonyms ?? []).flatMap((g) => [g.key, ...g.members.filter((x) => x.length === 1).map((x) => x[0])]));
  const code = (p) => (p.length <= 4 || REF_PREFIXES.includes(p)) && !STOP_WORDS.has(p) && !synonyms.has(p) && !synonyms.has(stem(p));
  if (!letters.length || !letters.every(code)) return false;
  const span = Number(b) % 100 === (Number(a) + 1) % 100;
  const capitals = (p) => new RegExp(`(?<![\\p{L}\\p{N}])${p.toUpperCase()}(?![\\p{L}])`, 'u').test(query);
  return !span || letters.every(capitals);
}

/**
 * A Clause is one part of a query. A document's score is the sum over
 * clauses of its best alternative; `required` clauses must match.
 * @typedef {{kind: 'word'|'synonym'|'phrase'|'cite'|'ref', text: string,
 *   alts: {term: string, weight: number, via: string}[], required: boolean,
 *   biwords?: string[], seq?: string[], prefix?: string, typo?: string,
 *   fallback?: string, soft?: boolean, fromRef?: boolean}} Clause
 *
 * A `ref` clause's text is the reference as typed, upper-cased and with
 * its spaces collapsed ("FOI 1234/23"); `fallback` holds the words searched
 * when no response has it (see SearchIndex.search).
 */

/**
 * parseQuery splits a query into clauses, using the entry file's tables
 * for citations and synonyms. Pure and synchronous.
 * @returns {{clauses: Clause[]}}
 */
export function parseQuery(query, entry) {
  const clauses = [];
  let rest = ' ' + query + ' ';
  // "quoted phrases", also an unclosed one being typed
  rest = rest.replace(/"([^"]*)("|$)/g, (_, phrase) => {
    const ts = terms(phrase);
    if (ts.length === 1) {
      clauses.push({ kind: 'word', text: phrase, alts: [{ term: ts[0], weight: 1, via: 'exact' }], required: true, seq: ts });
    } else if (ts.length > 1) {
      const biwords = ts.slice(1).map((t, i) => ts[i] + ' ' + t);
      clauses.push({ kind: 'phrase', text: phrase, alts: [], biwords, seq: ts, required: true });
    }
    return ' ';
  });
  const endsInWord = /[\p{L}\p{N}]$/u.test(rest.trimEnd()) && !/\s$/.test(query) && !query.endsWith('"');
  let folded = fold(rest);
  folded = folded.replace(CITATION, (m, regime, unit, num, subs) => {
    const kind = unit.startsWith('r') ? 'r' : 's';
    return citationClause(clauses, entry, m, regime, [kind], num, subs) ? ' ' : m;
  });
  folded = folded.replace(BARE_CITATION, (m, regime, num, subs) =>
    citationClause(clauses, entry, m, regime, ['s', 'r'], num, subs) ? ' ' : m,
  );
  const reference = (m) => {
    const key = referenceKey(m);
    const pieces = key.split('/');
    // A reference that no response has is reported missing
    // (SearchIndex.search) when it surely is one: it ends in a piece with
    // a digit, has a distinctive piece (not a year, not one or two digits)
    // and is joined by separators ("NP FOI 378.22", "1234/23") or names
    // itself ("FOI 1234"), or it is shaped like one with a short number
    // ("NL 9/24": shortReference). Then only its distinctive pieces look
    // for loose matches ("NL 9/24" has none). Anything else written like a
    // reference ("ANPR 2023", "covid-19", a date, a span of years
    // "2023/24") is soft: when no response has it, its words are searched
    // as usual.
    const codes = m.match(WORD) ?? [];
    const joined = /[\p{L}\p{N}][/.-][\p{L}\p{N}]/u.test(m);
    const named = codes.some((t) => REF_NAMES.includes(t) || REF_NAMES.some((p) => t.startsWith(p) && /^\d/.test(t.slice(p.length))));
    const surely =
      /\d/.test(pieces.at(-1)) && !DATE_LIKE.test(key) && ((pieces.some(distinctivePiece) && (joined || named)) || shortReference(pieces, m, named, entry, query));
    const soft = !surely;
    const fallback = (soft ? pieces : pieces.filter(distinctivePiece)).join(' ');
    clauses.push({ kind: 'ref', text: m.trim().replace(/\s+/g, ' ').toUpperCase(), alts: [{ term: '#' + key, weight: REF_WEIGHT, via: 'exact' }], required: false, fallback, soft });
    return ' ';
  };
  // A query that is only a reference number, in any of the forms forces
  // use ("NP FOI 378.22", "MP/FOI/2024/0219"): short codes and numbers,
  // ending in a number.
  const codes = folded.trim().split(/[\s/.:#-]+/).filter(Boolean);
  const endsInNumber = /\d/.test(codes.at(-1) ?? '');
  if (codes.length > 1 && codes.length <= 6 && endsInNumber && codes.every((t) => /\d/.test(t) || t.length <= 4) && referenceKey(folded)) {
    folded = reference(folded);
  }
  // references inside a longer query ("taser FOI 1648A/23")
  folded = folded.replace(REFERENCE, (m) => (referenceKey(m) && /[0-9]/.test(m.split(/\s/).at(-1)) ? reference(m) : m));

  const ws = words(folded).filter((w) => !STOP_WORDS.has(w));
  const ts = ws.map(stem);
  const lastIsPrefix = endsInWord && ws.length > 0 && folded.trimEnd().endsWith(ws[ws.length - 1]);
  const synonyms = entry?.synonyms ?? [];
  for (let i = 0; i < ts.length; ) {
    // longest synonym member starting here
    let best = null;
    for (const group of synonyms) {
      for (const m of group.members) {
        if (m.length > (best?.len ?? 0) && m.every((t, j) => ts[i + j] === t)) best = { key: group.key, len: m.length };
      }
    }
    const isLast = i + (best?.len ?? 1) === ts.length;
    const prefix = isLast && lastIsPrefix && (!best || best.len === 1) ? ws[ts.length - 1] : undefined;
    if (best) {
      clauses.push({ kind: 'synonym', text: ws.slice(i, i + best.len).join(' '), alts: [{ term: '~' + best.key, weight: 1, via: 'synonym' }], required: false, prefix });
      i += best.len;
      continue;
    }
    const word = ws[i];
    const typo = /^\p{L}+$/u.test(word) && [...word].length >= 5 ? word : undefined;
    clauses.push({ kind: 'word', text: word, alts: [{ term: ts[i], weight: 1, via: 'exact' }], required: false, prefix, typo });
    i++;
  }
  // the same term twice counts once
  const seen = new Set();
  return {
    clauses: clauses.filter((c) => {
      const key = c.kind + ':' + (c.biwords ?? c.alts.map((a) => a.term)).join('|');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}

function citationClause(clauses, entry, text, regime, kinds, num, subs) {
  if (!entry) return false;
  const parts = [num, ...[...subs.matchAll(/[0-9a-z]+/g)].map((m) => m[0])];
  const alts = [];
  for (const kind of kinds) {
    const cite = kind + parts.join('-');
    const section = kind + num;
    const inRegime = (r) => !regime || r === regime;
    entry.exemptions.forEach((x) => {
      if (parts.length > 1 && (x.cite === cite || x.cite.startsWith(cite + '-')) && inRegime(entry.sections[x.section].regime)) {
        alts.push({ term: '§' + x.slug, weight: 1, via: 'cite' });
      }
    });
    for (const sec of entry.sections) {
      if (sec.cite === section && inRegime(sec.regime)) {
        alts.push({ term: '§' + sec.slug, weight: parts.length > 1 ? SECTION_WEIGHT : 1, via: 'cite' });
      }
    }
  }
  if (!alts.length) return false;
  clauses.push({ kind: 'cite', text: text.trim(), alts, required: false });
  return true;
}

// ---------------------------------------------------------------------------
// Loading files

/** gunzip decompresses gzip data (FORMAT.md, "Compression"); other data is returned as is. */
export async function gunzip(bytes) {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Response(bytes).body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function fetchBytes(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`search: ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function varints(b, p) {
  return () => {
    let x = 0;
    let shift = 1;
    let c;
    do {
      c = b[p++];
      x += (c & 0x7f) * shift;
      shift *= 128;
    } while (c & 0x80);
    return x;
  };
}

function parsePostingsFile(b) {
  if (b[0] !== 1) throw new Error('search: unknown postings file format ' + b[0]);
  let p = 1;
  const next = () => {
    let x = 0;
    let shift = 1;
    let c;
    do {
      c = b[p++];
      x += (c & 0x7f) * shift;
      shift *= 128;
    } while (c & 0x80);
    return x;
  };
  const count = next();
  const decoder = new TextDecoder();
  const heads = [];
  let prev = new Uint8Array(0);
  for (let i = 0; i < count; i++) {
    const shared = next();
    const len = next();
    const bytes = new Uint8Array(shared + len);
    bytes.set(prev.subarray(0, shared));
    bytes.set(b.subarray(p, p + len), shared);
    p += len;
    heads.push([decoder.decode(bytes), next(), next()]);
    prev = bytes;
  }
  // biwords: 4-byte hash, df, block length
  const pairHeads = [];
  for (let i = next(); i > 0; i--) {
    const hash = ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
    p += 4;
    pairHeads.push([hash, next(), next()]);
  }
  const terms = new Map();
  for (const [term, df, len] of heads) {
    terms.set(term, { df, off: p });
    p += len;
  }
  const pairs = new Map();
  for (const [hash, df, len] of pairHeads) {
    pairs.set(hash, { df, off: p });
    p += len;
  }
  return { bytes: b, terms, pairs };
}

function parseDictionary(bytes) {
  const out = [];
  for (const line of new TextDecoder().decode(bytes).split('\n')) {
    if (!line) continue;
    const [word, term, df] = line.split('\t');
    out.push({ word, term: term || word, df: Number(df) });
  }
  return out;
}

function parseFacetFile(b, first) {
  if (b[0] !== 1) throw new Error('search: unknown facet file format ' + b[0]);
  const next = varints(b, 1);
  const n = next();
  const recs = [];
  for (let i = 0; i < n; i++) recs.push({ id: first + i, force: next() - 1 });
  for (const r of recs) r.outcome = next() - 1;
  for (const r of recs) r.regime = next() - 1;
  for (const key of ['topics', 'exemptions']) {
    for (const r of recs) {
      const list = (r[key] = []);
      for (let k = next(); k > 0; k--) list.push(next());
    }
  }
  return recs;
}

// ---------------------------------------------------------------------------
// Typo tolerance

const chars = (s) => [...s];
const prefixKey = (w) => chars(w).slice(0, 2).join('');
const suffixKey = (w) => chars(w).slice(-3).join('');

/** withinOneEdit reports whether a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a, b) {
  const x = chars(a);
  const y = chars(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i === x.length && i === y.length) return true;
  const tail = (p, q) => x.slice(p).join('') === y.slice(q).join('');
  if (x.length === y.length) {
    return tail(i + 1, i + 1) || (x[i] === y[i + 1] && x[i + 1] === y[i] && tail(i + 2, i + 2));
  }
  return x.length > y.length ? tail(i + 1, i) : tail(i, i + 1);
}

// ---------------------------------------------------------------------------
// Highlighting

/**
 * highlight splits text into parts [{text, mark}], marking the words that
 * match: `single` is a Set of terms, `seqs` a list of term sequences
 * (phrases and multi-word synonyms) marked as one run.
 */
export function highlight(text, { single, seqs }) {
  // words, joined at apostrophes ("officer's")
  const spans = [];
  for (const m of text.matchAll(WORD)) {
    const last = spans[spans.length - 1];
    if (last && m.index === last[1] + 1 && "'\u2019\u2018\u02bc".includes(text[last[1]])) last[1] += 1 + m[0].length;
    else spans.push([m.index, m.index + m[0].length]);
  }
  // A stem starts with the first two letters of its word (but the special
  // stems: "dying" → "die"), so an ASCII word that starts no sought term
  // is not stemmed: it only holds its place in a sequence.
  const heads = new Set();
  for (const t of [...single, ...seqs.flat()]) heads.add(t.slice(0, 2));
  const toks = [];
  for (const [start, end] of spans) {
    const w = text.slice(start, end).toLowerCase();
    let ts;
    if (!/^[a-z0-9]{1,40}$/.test(w)) ts = terms(w);
    else if (STOP_WORDS.has(w)) continue;
    else ts = [heads.has(w.slice(0, 2)) || heads.has(w[0]) || Object.hasOwn(SPECIAL_STEMS, w) ? stem(w) : ''];
    if (ts.length) toks.push({ start, end, terms: ts });
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
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && (r[0] <= prev[1] || /^\s*$/.test(text.slice(prev[1], r[0])))) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([...r]);
  }
  const parts = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

// ---------------------------------------------------------------------------
// What a search has nothing to look for in

/**
 * nothingToSearch returns why a query that is not blank gives no clause:
 * 'common' (only stop words: "the of and"), 'long' (a word of more than 40
 * characters, which the index never holds) or 'none' (no letters or
 * digits: emoji, punctuation, ""). A blank query gives undefined.
 */
export function nothingToSearch(query) {
  if (!query.trim()) return undefined;
  const runs = [...fold(query).replace(APOSTROPHE, '').matchAll(WORD)].map((m) => m[0]);
  if (runs.some((w) => [...w].length > 40)) return 'long';
  return runs.length ? 'common' : 'none';
}

// ---------------------------------------------------------------------------
// Status messages

/** STATUS_QUERY_MAX is the most characters of a query that a status message repeats. */
export const STATUS_QUERY_MAX = 60;

/**
 * shortQuery returns q with its white space collapsed and, when longer than
 * max characters (code points), cut at the last space that leaves at least
 * half of them (or else inside the word) with "…" appended, at most max
 * characters in all. The status repeats the query this way, so that a
 * pasted paragraph is not read out after every search.
 */
export function shortQuery(q, max = STATUS_QUERY_MAX) {
  const s = q.trim().replace(/\s+/g, ' ');
  const cs = [...s];
  if (cs.length <= max) return s;
  const window = cs.slice(0, max).join(''); // the character after max − 1 shows a word's end
  const byWord = window.slice(0, Math.max(window.lastIndexOf(' '), 0));
  const head = [...byWord].length >= max / 2 ? byWord : cs.slice(0, max - 1).join('');
  return head.replace(/[\s,;:.!?'"“”‘’(\[{-]+$/u, '') + '…';
}

const numberFormat = new Intl.NumberFormat('en-GB');
const count = (n, one, many) => `${numberFormat.format(n)} ${n === 1 ? one : many}`;
const SEARCH_HINT = 'Type a word, a reference or an exemption to search.';

/**
 * searchStatus returns the sentence the search page announces when a
 * search has settled, for res from SearchIndex.search. filters is the
 * number of filter values ticked; shown the number of results on the page
 * (by default the first page); submitted whether the visitor asked for
 * the search (a blank query then gets a hint; opening the page with none
 * gets ""). Every other search gets a message: results found, none, a
 * reference no response has (with its loose matches, never counted as
 * found), or nothing to search for. The query is repeated cut by
 * shortQuery.
 */
export function searchStatus(res, { filters = 0, shown, submitted = false } = {}) {
  const q = shortQuery(res.query ?? '');
  const withFilters = filters ? ` with ${count(filters, 'filter', 'filters')}` : '';
  const showing = (total, n) => (total > n ? `, showing ${numberFormat.format(n)}` : '');
  if (res.missingReferences?.length) {
    const refs = res.missingReferences.map((r) => shortQuery(r));
    const head = refs.length === 1 ? `No response has reference ${refs[0]}.` : `No response has any of the references ${refs.join(', ')}.`;
    const loose = res.loose?.total ?? 0;
    if (!loose) return `${head} Check the reference, or search for words from the request.`;
    const n = shown ?? res.loose.results.length;
    return `${head} Below ${loose === 1 ? 'is' : 'are'} ${count(loose, 'response that mentions', 'responses that mention')} some of these words${withFilters ? ',' + withFilters : ''}${showing(loose, n)}.`;
  }
  const n = shown ?? res.results.length;
  if (res.unsearchable) {
    const why = {
      common: `“${q}” has only very common words, which are not searched.`,
      long: 'Words longer than 40 letters are not searched.',
      none: '',
    }[res.unsearchable];
    if (!filters) return `${why} ${SEARCH_HINT}`.trim();
    const matches = res.total ? `${count(res.total, 'response matches', 'responses match')} the ${filters === 1 ? 'filter' : 'filters'}${showing(res.total, n)}.` : `No responses match the ${filters === 1 ? 'filter' : 'filters'}.`;
    return `${why || SEARCH_HINT} ${matches}`;
  }
  if (res.empty) return submitted ? SEARCH_HINT : '';
  if (res.total === 0) {
    return q
      ? `No responses match “${q}”${withFilters}. Check the spelling${filters ? ', use fewer words or remove a filter' : ' or use fewer words'}.`
      : `No responses match${withFilters}.`;
  }
  return `${count(res.total, 'response', 'responses')} found${q ? ` for “${q}”` : ''}${withFilters}${showing(res.total, n)}.`;
}

// ---------------------------------------------------------------------------
// URL state

// facetID is the element id of the checkbox for value of a filter group:
// "f-outcome-disclosed". Characters outside a-z, 0-9 and "-" become "_"
// and their code point, so that values in other scripts (topics written
// in Arabic, say) keep ids of their own.
export function facetID(group, value) {
  return 'f-' + group + '-' + value.replace(/[^a-z0-9-]/giu, (c) => '_' + c.codePointAt(0).toString(16));
}

/** stateFromParams reads {q, filters, sort} from URL search parameters (?q=tasers&exemption=foia-s31). */
export function stateFromParams(params) {
  const filters = {};
  for (const g of FACET_GROUPS) {
    const vs = params.getAll(g.name).filter(Boolean);
    if (vs.length) filters[g.name] = [...new Set(vs)];
  }
  const sort = SORTS.includes(params.get('sort')) ? params.get('sort') : 'relevance';
  return { q: params.get('q') ?? '', filters, sort };
}

/** paramsFromState is the inverse of stateFromParams; defaults are left out. */
export function paramsFromState({ q = '', filters = {}, sort = 'relevance' }) {
  const p = new URLSearchParams();
  if (q.trim()) p.set('q', q.trim());
  for (const g of FACET_GROUPS) for (const v of filters[g.name] ?? []) p.append(g.name, v);
  if (sort !== 'relevance') p.set('sort', sort);
  return p;
}

// ---------------------------------------------------------------------------
// The index

/**
 * openIndex loads the entry file at entryURL and returns a SearchIndex.
 * options.load(url) → Promise<Uint8Array> replaces fetch (Node tests).
 */
export async function openIndex(entryURL, options = {}) {
  const load = options.load ?? fetchBytes;
  const stats = { requests: 0, bytes: 0, urls: [] };
  const counted = async (url) => {
    const b = await load(url);
    stats.requests++;
    stats.bytes += b.length;
    stats.urls.push(url);
    return b;
  };
  const entry = JSON.parse(new TextDecoder().decode(await gunzip(await counted(String(entryURL)))));
  if (entry.version !== FORMAT_VERSION) {
    throw new Error(`search: index format ${entry.version}, this page reads ${FORMAT_VERSION}; reload the page`);
  }
  return new SearchIndex(entry, String(entryURL), counted, stats);
}

/** SearchIndex runs queries against one index. Files are fetched once and kept. */
export class SearchIndex {
  constructor(entry, entryURL, load, stats) {
    /** The parsed entry file (FORMAT.md, "Entry file"). */
    this.entry = entry;
    /** Files fetched so far: {requests, bytes, urls}. */
    this.stats = stats;
    this._base = entryURL;
    this._load = load;
    this._files = new Map(); // url → Promise<parsed file>
    this._postings = new Map(); // term → {df, ids, qs}
    this._docs = new Map(); // id → document record
    this._facets = []; // id → facet record
    this._maps = {
      force: new Map(entry.forces.map((v, i) => [v.slug, i])),
      outcome: new Map(entry.outcomes.map((v, i) => [v.slug, i])),
      regime: new Map(entry.regimes.map((v, i) => [v.slug, i])),
      topic: new Map(entry.topics.map((v, i) => [v.slug, i])),
    };
  }

  _url(template, vars) {
    let p = template.replace('{hash}', this.entry.hash);
    for (const [k, v] of Object.entries(vars)) p = p.replace('{' + k + '}', String(v));
    return new URL(p, this._base).href;
  }

  _file(url, parse) {
    if (!this._files.has(url)) {
      const p = this._load(url).then(gunzip).then(parse);
      p.catch(() => this._files.delete(url));
      this._files.set(url, p);
    }
    return this._files.get(url);
  }

  /**
   * postings returns a term's documents and impacts over all segments,
   * fetching what is missing. A biword ("stop search") has no impacts (qs
   * is empty): it only says where the two terms are adjacent.
   */
  async postings(term) {
    if (this._postings.has(term)) return this._postings.get(term);
    const e = this.entry;
    const hash = fnv32(term);
    const bucket = hash & (e.termBuckets - 1);
    const files = await Promise.all(
      Array.from({ length: e.segments }, (_, s) => this._file(this._url(e.paths.terms, { segment: s, bucket }), parsePostingsFile)),
    );
    const pair = term.includes(' ');
    const ids = [];
    const qs = [];
    files.forEach((f, s) => {
      const h = pair ? f.pairs.get(hash) : f.terms.get(term);
      if (!h) return;
      const next = varints(f.bytes, h.off);
      let id = s * e.segmentSize;
      for (let i = 0; i < h.df; i++) {
        id += next();
        ids.push(id);
      }
      if (pair) return;
      let p = h.off;
      // the impacts follow the deltas: skip the deltas, then read df bytes
      for (let i = 0; i < h.df; i++) while (f.bytes[p++] & 0x80);
      for (let i = 0; i < h.df; i++) qs.push(f.bytes[p + i]);
    });
    const res = { df: ids.length, ids, qs };
    this._postings.set(term, res);
    return res;
  }

  _dictionary(kind, key) {
    const e = this.entry;
    const buckets = kind === 'prefix' ? e.prefixBuckets : e.suffixBuckets;
    return this._file(this._url(e.paths[kind], { bucket: fnv32(key) & (buckets - 1) }), parseDictionary);
  }

  /** completions returns up to n index terms of words starting with prefix (not equal to it), most frequent first. */
  async completions(prefix, n = PREFIX_EXPANSIONS) {
    if (chars(prefix).length < 2) return [];
    const dict = await this._dictionary('prefix', prefixKey(prefix));
    return topTerms(dict.filter((w) => w.word !== prefix && w.word.startsWith(prefix)), n);
  }

  /**
   * corrections returns up to n index terms of words one edit away from
   * word, or whose terms are one edit away from word's term ("tazers" →
   * "taser"), most frequent first.
   */
  async corrections(word, n = TYPO_EXPANSIONS) {
    const own = stem(word);
    const keys = [['prefix', prefixKey(word)], ['suffix', suffixKey(word)]];
    if (chars(own).length >= 4 && suffixKey(own) !== suffixKey(word)) keys.push(['suffix', suffixKey(own)]);
    const dicts = await Promise.all(keys.map(([kind, key]) => this._dictionary(kind, key)));
    const near = (w) =>
      w.word !== word && chars(w.word).length >= 4 && (withinOneEdit(word, w.word) || (w.term !== own && chars(w.term).length >= 4 && withinOneEdit(own, w.term)));
    return topTerms(dicts.flat().filter(near), n);
  }

  _canonical(term) {
    for (const g of this.entry.synonyms) for (const m of g.members) if (m.length === 1 && m[0] === term) return '~' + g.key;
    return term;
  }

  /**
   * search runs a query. options: filters {group: [values]} (OR within a
   * group, AND across groups), sort 'relevance' | 'date', limit (first
   * page size, default 10), facets (default true; false leaves
   * res.facets null and, unless filters are set, skips downloading facet
   * data: a phone with the filter panel closed saves it; see facets()).
   * Resolves to {query, clauses, total, ids, results, facets, sort,
   * filters, matcher}. An empty query with no filters matches nothing;
   * with filters it lists the filtered responses, newest first.
   */
  async search(query, options = {}) {
    const { filters = {}, sort = 'relevance', limit = 10, facets: wantFacets = true } = options;
    const e = this.entry;
    const { clauses } = parseQuery(query, e);
    for (const c of clauses) for (const a of c.alts) if (a.via === 'exact' && c.kind === 'word' && !c.seq) a.term = this._canonical(a.term);

    // 1. exact terms, and the dictionaries of the word being typed
    const termsOf = (cs) => cs.flatMap((c) => [...c.alts.map((a) => a.term), ...(c.biwords ? [...c.biwords, ...c.seq] : [])]);
    const completing = clauses.filter((c) => c.prefix);
    const [, completions] = await Promise.all([
      Promise.all(termsOf(clauses).map((t) => this.postings(t))),
      Promise.all(completing.map((c) => this.completions(c.prefix))),
    ]);
    // 2. completions, typo corrections, references that are not in the index
    const df = (t) => this._postings.get(t)?.df ?? 0;
    completing.forEach((c, i) => {
      for (const w of completions[i]) {
        const term = this._canonical(w.term);
        if (!c.alts.some((a) => a.term === term)) c.alts.push({ term, weight: PREFIX_WEIGHT, via: 'prefix' });
      }
    });
    const typos = clauses.filter((c) => c.typo && !c.alts.some((a) => df(a.term) > 0));
    // A reference no response has is reported (missingReferences) and its
    // distinctive pieces search for loose matches; a date-like one falls
    // back to its words.
    const missing = [];
    for (const [i, c] of [...clauses.entries()].reverse()) {
      if (c.kind === 'ref' && df(c.alts[0].term) === 0) {
        if (!c.soft) missing.unshift(c.text);
        const fromRef = !c.soft;
        clauses.splice(i, 1, ...terms(c.fallback).map((t) => ({ kind: 'word', text: t, alts: [{ term: this._canonical(t), weight: 1, via: 'exact' }], required: false, fromRef })));
      }
    }
    const corrections = await Promise.all([
      Promise.all(typos.map((c) => this.corrections(c.typo))),
      Promise.all(termsOf(clauses).map((t) => this.postings(t))),
    ]).then(([c]) => c);
    typos.forEach((c, i) => {
      for (const w of corrections[i]) {
        const term = this._canonical(w.term);
        if (!c.alts.some((a) => a.term === term)) c.alts.push({ term, weight: TYPO_WEIGHT, via: 'typo' });
      }
    });
    // 3. the corrections' postings
    await Promise.all(termsOf(clauses).map((t) => this.postings(t)));

    // score
    const n = e.docs;
    const live = clauses.filter((c) => c.required || c.alts.some((a) => df(a.term) > 0) || c.biwords);
    const idf = (d) => Math.log(1 + (n - d + 0.5) / (d + 0.5));
    const scale = e.ranking.impactMax / 255;
    let candidates;
    const score = new Float64Array(n);
    const matched = new Uint8Array(n);
    // A number alone ("2023", "24") does not make a match when the query
    // has anything else: it ranks the matches that have it higher. A query
    // of numbers only ("14/06/2023", "2020/21") needs all of them.
    const numeric = (c) => c.kind === 'word' && !c.fromRef && /^\p{N}+$/u.test(c.text);
    const needText = live.some((c) => !numeric(c));
    const needAll = clauses.length > 1 && clauses.every(numeric) ? clauses.length : 0;
    const unsearchable = clauses.length === 0 && missing.length === 0 ? nothingToSearch(query) : undefined;
    if (live.length === 0 && clauses.length === 0 && missing.length === 0) {
      if (!Object.values(filters).some((v) => v?.length)) return this._empty(query, filters, sort, unsearchable);
      candidates = Array.from({ length: n }, (_, i) => i);
    } else {
      const text = new Uint8Array(n); // clauses matched that are not numbers alone
      const required = new Uint8Array(n);
      let nRequired = 0;
      const best = new Float64Array(n); // a clause's score of each document
      for (const c of live) {
        best.fill(0);
        if (c.biwords) {
          // the documents with every pair of the phrase, scored by its terms
          const count = new Uint8Array(n);
          for (const t of c.biwords) for (const id of this._postings.get(t).ids) count[id]++;
          for (const t of c.seq) {
            const { df, ids, qs } = this._postings.get(t);
            const w = idf(df) * scale;
            for (let i = 0; i < ids.length; i++) if (count[ids[i]] === c.biwords.length) best[ids[i]] += w * qs[i];
          }
        } else {
          for (const a of c.alts) {
            const { df, ids, qs } = this._postings.get(a.term);
            const w = a.weight * idf(df) * scale;
            for (let i = 0; i < ids.length; i++) best[ids[i]] = Math.max(best[ids[i]], w * qs[i]);
          }
        }
        if (c.required) nRequired++;
        const isText = !numeric(c);
        for (let id = 0; id < n; id++) {
          if (best[id] > 0) {
            score[id] += best[id];
            matched[id]++;
            if (isText) text[id]++;
            if (c.required) required[id]++;
          }
        }
      }
      candidates = [];
      for (let id = 0; id < n; id++) if (matched[id] > 0 && required[id] === nRequired && (!needText || text[id] > 0) && matched[id] >= needAll) candidates.push(id);
    }

    // filter and count; facet data is only fetched when it is needed
    const filtering = Object.values(filters).some((v) => v?.length);
    let ids = candidates;
    let facets = null;
    if (filtering || wantFacets) {
      ({ ids, facets } = this._filter(candidates, await this._facetRecords(candidates), filters));
      if (!wantFacets) facets = null;
    } else ids = candidates.slice();
    const all = live.length || 1;
    const final = new Float64Array(n);
    for (const id of ids) final[id] = score[id] * (1 + e.ranking.recency * ((id + 1) / Math.max(n, 1)));
    if (sort === 'date' || clauses.length === 0) {
      ids.sort((a, b) => (matched[b] >= all) - (matched[a] >= all) || b - a);
    } else {
      ids.sort((a, b) => matched[b] - matched[a] || final[b] - final[a] || b - a);
    }
    const res = {
      query,
      clauses,
      total: ids.length,
      ids,
      candidates,
      facets,
      sort,
      filters,
      matcher: this._matcher(clauses),
      scores: new Map(ids.slice(0, 1000).map((id) => [id, { score: final[id], matched: matched[id], all: matched[id] >= all }])),
      results: [],
    };
    if (unsearchable) res.unsearchable = unsearchable;
    if (missing.length) {
      // Nothing was found for the query: what matched its other words and
      // the reference's pieces is offered apart, as loose matches.
      const loose = { total: res.total, ids: res.ids, scores: res.scores, matcher: res.matcher, results: [] };
      Object.assign(res, { total: 0, ids: [], scores: new Map(), missingReferences: missing, loose });
      loose.results = await this.page(loose, 0, limit);
      return res;
    }
    res.results = await this.page(res, 0, limit);
    return res;
  }

  /** facets computes (and stores in res.facets) the filter counts of a result searched with facets: false. */
  async facets(res) {
    if (!res.facets) {
      const recs = await this._facetRecords(res.candidates ?? []);
      res.facets = this._filter(res.candidates ?? [], recs, res.filters).facets;
    }
    return res.facets;
  }

  _empty(query, filters, sort, unsearchable) {
    const e = this.entry;
    const counts = new Map();
    for (const g of FACET_GROUPS) counts.set(g.name, new Map());
    e.exemptions.forEach((x) => counts.get('exemption').set(x.slug, x.count));
    e.sections.forEach((x) => counts.get('exemption').set(x.slug, x.count));
    e.years.forEach((y) => counts.get('year').set(String(y.year), y.count));
    for (const [name, table] of [['outcome', e.outcomes], ['force', e.forces], ['topic', e.topics], ['regime', e.regimes]]) {
      table.forEach((v) => counts.get(name).set(v.slug, v.count));
    }
    return { query, clauses: [], total: 0, ids: [], candidates: [], facets: this._facetList(counts, filters), sort, filters, matcher: { single: new Set(), seqs: [] }, scores: new Map(), results: [], empty: true, ...(unsearchable && { unsearchable }) };
  }

  /** _facetRecords returns the facet values of ids, from facet files or document files, whichever costs less. */
  async _facetRecords(ids) {
    const e = this.entry;
    const missing = ids.filter((id) => !this._facets[id]);
    if (missing.length) {
      const metaChunks = new Set(missing.map((id) => Math.floor(id / e.metaChunk)));
      const facetChunks = new Set(missing.map((id) => Math.floor(id / e.facetChunk)));
      if (metaChunks.size * e.metaBytes <= facetChunks.size * e.facetBytes) {
        await Promise.all([...metaChunks].map((c) => this._metaChunk(c)));
      } else {
        await Promise.all(
          [...facetChunks].map(async (c) => {
            const recs = await this._file(this._url(e.paths.facets, { chunk: c }), (b) => parseFacetFile(b, c * e.facetChunk));
            for (const r of recs) this._facets[r.id] = r;
          }),
        );
      }
    }
    return ids.map((id) => this._facets[id]);
  }

  async _metaChunk(c) {
    const e = this.entry;
    const recs = await this._file(this._url(e.paths.docs, { chunk: c }), (b) => JSON.parse(new TextDecoder().decode(b)));
    recs.forEach((r, i) => {
      const id = c * e.metaChunk + i;
      const [url, title, reference, date, outcome, force, exemptions, excerpt, regime, topics] = r;
      this._docs.set(id, { id, url, title, reference, date, outcome, force, exemptions, excerpt, regime, topics });
      this._facets[id] ??= { id, force, outcome, regime, topics, exemptions };
    });
  }

  /** _yearIndex returns the index in entry.years of document id's year (-1 when there are no years). */
  _yearIndex(id) {
    const ys = this.entry.years;
    let lo = 0;
    let hi = ys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ys[mid].first <= id) lo = mid;
      else hi = mid - 1;
    }
    return hi;
  }

  /** _filter applies filters (OR within a group, AND across) and counts each group's values over the documents that pass the other groups. */
  _filter(candidates, recs, filters) {
    const e = this.entry;
    const groups = FACET_GROUPS.map((g) => g.name);
    const sel = {};
    for (const g of groups) sel[g] = new Set(filters[g] ?? []);
    const provSel = new Set();
    e.exemptions.forEach((x, i) => {
      if (sel.exemption.has(x.slug) || sel.exemption.has(e.sections[x.section].slug)) provSel.add(i);
    });
    const idx = (name) => new Set([...sel[name]].map((v) => this._maps[name].get(v)).filter((v) => v !== undefined));
    const want = { force: idx('force'), outcome: idx('outcome'), regime: idx('regime'), topic: idx('topic') };
    const years = new Set([...sel.year].map(Number));
    const active = groups.map((g) => sel[g].size > 0);

    // counts by index in the entry's tables, provisions and sections apart
    const tally = (table) => new Int32Array(table.length);
    const c = { provision: tally(e.exemptions), section: tally(e.sections), year: tally(e.years), outcome: tally(e.outcomes), force: tally(e.forces), topic: tally(e.topics), regime: tally(e.regimes) };
    const seen = new Int32Array(e.sections.length); // the last response counted for a section, + 1
    const ids = [];
    candidates.forEach((id, k) => {
      const r = recs[k];
      const year = this._yearIndex(id);
      const fail = [
        active[0] && !r.exemptions.some((x) => provSel.has(x)),
        active[1] && !years.has(e.years[year]?.year),
        active[2] && !want.outcome.has(r.outcome),
        active[3] && !want.force.has(r.force),
        active[4] && !r.topics.some((t) => want.topic.has(t)),
        active[5] && !want.regime.has(r.regime),
      ];
      const failures = fail[0] + fail[1] + fail[2] + fail[3] + fail[4] + fail[5];
      if (failures === 0) ids.push(id);
      if (failures > 1) return;
      const counts4 = (g) => failures === 0 || fail[g];
      if (counts4(0)) {
        for (const x of r.exemptions) {
          c.provision[x]++;
          const sec = e.exemptions[x].section;
          if (seen[sec] !== k + 1) c.section[sec]++;
          seen[sec] = k + 1;
        }
      }
      if (counts4(1) && year >= 0) c.year[year]++;
      if (counts4(2) && r.outcome >= 0) c.outcome[r.outcome]++;
      if (counts4(3) && r.force >= 0) c.force[r.force]++;
      if (counts4(4)) for (const t of r.topics) c.topic[t]++;
      if (counts4(5) && r.regime >= 0) c.regime[r.regime]++;
    });
    const counts = new Map();
    const add = (name, table, n, key = (v) => v.slug) => {
      const m = counts.get(name) ?? counts.set(name, new Map()).get(name);
      table.forEach((v, i) => m.set(key(v), n[i]));
    };
    add('exemption', e.exemptions, c.provision);
    add('exemption', e.sections, c.section); // a section's count, where a provision has its slug
    add('year', e.years, c.year, (y) => String(y.year));
    add('outcome', e.outcomes, c.outcome);
    add('force', e.forces, c.force);
    add('topic', e.topics, c.topic);
    add('regime', e.regimes, c.regime);
    return { ids, facets: this._facetList(counts, filters) };
  }

  _facetList(counts, filters) {
    const e = this.entry;
    const selected = (g, v) => (filters[g] ?? []).includes(v);
    const value = (g, slug, label) => ({ value: slug, label, count: counts.get(g).get(slug) ?? 0, selected: selected(g, slug) });
    const lists = {
      exemption: e.sections.map((s, si) => {
        const v = value('exemption', s.slug, s.label);
        const children = e.exemptions.filter((x) => x.section === si && x.slug !== s.slug);
        if (children.length) v.children = children.map((x) => value('exemption', x.slug, x.provision));
        return v;
      }),
      year: [...e.years].reverse().map((y) => value('year', String(y.year), String(y.year))),
      outcome: e.outcomes.map((v) => value('outcome', v.slug, v.label)),
      force: e.forces.map((v) => value('force', v.slug, v.label)),
      topic: e.topics.map((v) => value('topic', v.slug, v.label)),
      regime: e.regimes.map((v) => value('regime', v.slug, v.label)),
    };
    return FACET_GROUPS.map((g) => ({ name: g.name, label: g.label, plural: g.plural, values: lists[g.name] }));
  }

  _matcher(clauses) {
    const single = new Set();
    const seqs = [];
    const df = (t) => this._postings.get(t)?.df ?? 0;
    for (const c of clauses) {
      if (c.kind === 'phrase') seqs.push(c.seq);
      for (const a of c.alts) {
        if (a.term.startsWith('~')) {
          const g = this.entry.synonyms.find((s) => '~' + s.key === a.term);
          for (const m of g?.members ?? []) (m.length === 1 ? single.add(m[0]) : seqs.push(m));
        } else if (!/^[§#]/.test(a.term) && (df(a.term) > 0 || a.via === 'exact')) single.add(a.term);
      }
    }
    return { single, seqs };
  }

  /** page returns the results offset … offset+limit−1 of a search result, fetching their document files. */
  async page(res, offset, limit) {
    const e = this.entry;
    const ids = res.ids.slice(offset, offset + limit);
    await Promise.all([...new Set(ids.map((id) => Math.floor(id / e.metaChunk)))].map((c) => this._metaChunk(c)));
    return ids.map((id) => {
      const d = this._docs.get(id);
      const table = (t, i) => (i >= 0 && t[i] ? { slug: t[i].slug, label: t[i].label } : null);
      const s = res.scores.get(id);
      return {
        id,
        url: d.url,
        title: d.title,
        titleParts: highlight(d.title, res.matcher),
        reference: d.reference,
        date: d.date,
        outcome: table(e.outcomes, d.outcome),
        force: table(e.forces, d.force),
        regime: table(e.regimes, d.regime),
        topics: d.topics.map((t) => table(e.topics, t)),
        exemptions: d.exemptions.map((x) => {
          const p = e.exemptions[x];
          return { slug: p.slug, provision: p.provision, title: p.title, ncnd: !!p.ncnd, section: e.sections[p.section].slug };
        }),
        excerpt: d.excerpt,
        excerptParts: highlight(d.excerpt, res.matcher),
        score: s?.score ?? 0,
        matchesAll: s?.all ?? true,
      };
    });
  }
}

function topTerms(words, n) {
  const best = new Map();
  for (const w of words) best.set(w.term, Math.max(best.get(w.term) ?? 0, w.df));
  return [...best]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([term, df]) => ({ term, df }));
}
