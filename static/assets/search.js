// search.js: the search page (layouts/search.html). Reads the query and
// filters from the URL, runs them with search-core.js as the visitor types
// (debounced), and renders results, filters with counts and one polite
// status message per settled search. No framework, no build step, no
// inline script or style (the site's CSP forbids them).
import { openIndex, stateFromParams, paramsFromState, searchStatus, facetID } from './search-core.js';

const PAGE = 10;
const DEBOUNCE_MS = 180;
const SHOWN_VALUES = 8; // values per filter group before "Show all"

const root = document.getElementById('search');
const form = document.getElementById('search-form');
const input = document.getElementById('q');
const sortSelect = document.getElementById('search-sort');
const toolbar = document.getElementById('search-toolbar');
const status = document.getElementById('search-status');
const list = document.getElementById('search-list');
const more = document.getElementById('search-more');
const filtersBox = document.getElementById('search-filters');
const facetsBox = document.getElementById('search-facets');
const filterCountLabel = document.getElementById('search-filter-count');
// The heading of loose matches: shown above the list when no response has
// a reference the query names, so that what follows is not taken for it.
const looseHeading = Object.assign(document.createElement('h2'), {
  id: 'search-loose-heading',
  className: 'search-loose-heading',
  textContent: 'Responses that mention some of these words',
  hidden: true,
});
list.before(looseHeading);
const base = root.dataset.base || '/';

let state = stateFromParams(new URLSearchParams(location.search));
let index = null;
let current = null; // the last rendered result
let generation = 0; // increases with every search; stale answers are dropped
let timer = 0;

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

const marked = (parts) =>
  parts.map((p) => (p.mark ? el('mark', {}, p.text) : document.createTextNode(p.text)));

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const formatDate = (iso) => {
  const d = new Date(iso + 'T00:00:00Z');
  return Number.isNaN(d.getTime()) ? iso : longDate.format(d);
};
const number = new Intl.NumberFormat('en-GB');
const plural = (n, one, many) => `${number.format(n)} ${n === 1 ? one : many}`;

function syncControls() {
  input.value = state.q;
  sortSelect.value = state.sort;
}

function writeURL(push) {
  const params = paramsFromState(state).toString();
  const url = location.pathname + (params ? '?' + params : '');
  if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

function filterCount() {
  return Object.values(state.filters).reduce((n, v) => n + v.length, 0);
}

// listing returns what a result lists: its matches, or its loose matches
// when the query names a reference no response has.
const listing = (res) => res.loose ?? res;

// run searches for state; submitted says the visitor asked for it (Enter,
// the Search button), so a blank query gets a hint rather than silence.
async function run(submitted = false) {
  const mine = ++generation;
  list.setAttribute('aria-busy', 'true');
  try {
    // Filter counts cost a download; skip it while the panel is closed (phones).
    const res = await index.search(state.q, { filters: state.filters, sort: state.sort, limit: PAGE, facets: filtersBox.open });
    if (mine !== generation) return;
    current = res;
    renderResults(res);
    showFilterCount();
    status.textContent = searchStatus(res, { filters: filterCount(), shown: list.children.length, submitted });
    // The results first; the filter counts follow once they are on screen.
    if (res.facets) facetsBox.setAttribute('aria-busy', 'true');
    afterPaint(() => {
      performance.mark('foilog:results-painted');
      if (res === current && res.facets) renderFacets(res);
    });
  } catch (err) {
    if (mine !== generation) return;
    console.error(err);
    status.textContent = 'Search is not working at the moment. Reload the page, or browse by exemption, force, year or topic.';
  } finally {
    if (mine === generation) list.removeAttribute('aria-busy');
  }
}

// afterPaint runs f once what was just rendered is on screen: the
// callback of the second animation frame runs after the first has been
// painted. run() sets the performance mark "foilog:results-painted" there,
// which the browser benchmark (e2e, BenchmarkSearchPaint) reads.
const afterPaint = (f) => requestAnimationFrame(() => requestAnimationFrame(f));

function showFilterCount() {
  const n = filterCount();
  filterCountLabel.textContent = n ? `(${n} selected)` : '';
}

function resultItem(r) {
  const meta = [el('span', {}, r.reference), ' ', el('span', { 'aria-hidden': 'true' }, '·'), ' ', el('time', { datetime: r.date }, formatDate(r.date))];
  if (r.force) meta.push(' ', el('span', { 'aria-hidden': 'true' }, '·'), ' ', el('span', {}, r.force.label));
  const badges = [];
  if (r.outcome) badges.push(el('strong', { class: `badge badge--${r.outcome.slug}` }, el('span', { class: 'visually-hidden' }, 'Outcome: '), r.outcome.label));
  for (const x of r.exemptions) {
    badges.push(' ', el('a', { class: 'badge badge--exemption' + (x.ncnd ? ' badge--ncnd' : ''), href: `${base}exemptions/${x.slug}/`, title: x.title || null }, x.provision, x.ncnd ? ' NCND' : null));
  }
  return el('li', { class: 'response-item' },
    el('h3', { class: 'response-item__title' }, el('a', { href: base + r.url }, ...marked(r.titleParts))),
    el('p', { class: 'response-item__meta' }, ...meta),
    badges.length ? el('p', { class: 'response-item__badges' }, ...badges) : null,
    r.excerpt ? el('p', { class: 'response-item__summary' }, ...marked(r.excerptParts)) : null,
  );
}

function renderResults(res) {
  const shown = listing(res);
  list.replaceChildren(...shown.results.map(resultItem));
  more.hidden = shown.results.length >= shown.total;
  toolbar.hidden = shown.total === 0;
  looseHeading.hidden = !(res.loose && res.loose.total > 0);
}

more.addEventListener('click', async () => {
  if (!current) return;
  const res = current;
  const start = list.children.length;
  more.disabled = true;
  try {
    const shown = listing(res);
    const next = await index.page(shown, start, PAGE);
    if (res !== current) return;
    list.append(...next.map(resultItem));
    more.hidden = list.children.length >= shown.total;
    list.children[start]?.querySelector('a')?.focus();
    const what = res.loose ? plural(shown.total, 'response that mentions', 'responses that mention') + ' some of these words' : plural(shown.total, 'response', 'responses');
    status.textContent = `Showing ${number.format(list.children.length)} of ${what}.`;
  } finally {
    more.disabled = false;
  }
});

// Filters. The groups and values come from the index and keep their order;
// each search updates counts and hides values no result has, so the focus
// of a checkbox being used is never lost. A value's node is made the first
// time it is shown (most never are), in its place among those made before.
const facetNodes = new Map(); // group:value → {li, input, count, sub}
const groupNodes = new Map(); // group → {fieldset, ul, toggle, expanded}

// showValue shows or hides value v of group (creating its node when it is
// shown for the first time, after the node prev in ul) and returns its node,
// or prev when v has none.
function showValue(group, v, ul, prev, shown) {
  const key = group + ':' + v.value;
  let node = facetNodes.get(key);
  if (!node) {
    if (!shown) return prev;
    const id = facetID(group, v.value);
    const count = el('span', { class: 'facet__count' });
    node = { input: el('input', { type: 'checkbox', id, name: group, value: v.value }), count };
    node.li = el('li', { class: 'facet' }, node.input, el('label', { for: id }, v.label, ' ', count));
    ul.insertBefore(node.li, prev ? prev.li.nextSibling : ul.firstChild);
    facetNodes.set(key, node);
  }
  node.input.checked = v.selected;
  node.count.textContent = `(${number.format(v.count)})`;
  node.li.hidden = !shown;
  return node;
}

facetsBox.addEventListener('change', (e) => {
  const { name: group, value, checked } = e.target;
  if (!groupNodes.has(group)) return;
  const vs = new Set(state.filters[group] ?? []);
  if (checked) vs.add(value);
  else vs.delete(value);
  if (vs.size) state.filters[group] = [...vs];
  else delete state.filters[group];
  writeURL(true);
  run();
});

filtersBox.addEventListener('toggle', async () => {
  if (!filtersBox.open || !current || current.facets) return;
  const res = current;
  await index.facets(res);
  if (res === current) renderFacets(res);
});

function renderFacets(res) {
  for (const g of res.facets) {
    let gn = groupNodes.get(g.name);
    if (!gn) {
      const ul = el('ul', { class: 'facet-list' });
      const toggle = el('button', { type: 'button', class: 'facet-toggle', 'aria-expanded': 'false' });
      const fieldset = el('fieldset', { class: 'facet-group' }, el('legend', {}, g.label), ul, toggle);
      gn = { fieldset, ul, toggle, expanded: false };
      toggle.addEventListener('click', () => {
        gn.expanded = !gn.expanded;
        renderFacets(current);
      });
      groupNodes.set(g.name, gn);
      facetsBox.append(fieldset);
    }
    let visible = 0;
    let prev = null;
    for (const v of g.values) {
      const wanted = v.selected || v.count > 0;
      if (wanted) visible++;
      const shown = wanted && (gn.expanded || visible <= SHOWN_VALUES || v.selected);
      const node = showValue(g.name, v, gn.ul, prev, shown);
      if (shown && v.children) {
        node.sub ??= node.li.appendChild(el('ul', { class: 'facet-list facet-list--nested' }));
        let sub = null;
        for (const c of v.children) sub = showValue(g.name, c, node.sub, sub, c.selected || c.count > 0);
      }
      prev = node;
    }
    gn.toggle.hidden = visible <= SHOWN_VALUES;
    gn.toggle.textContent = gn.expanded ? `Show fewer ${g.plural}` : `Show all ${visible} ${g.plural}`;
    gn.toggle.setAttribute('aria-expanded', String(gn.expanded));
    gn.fieldset.hidden = visible === 0 || (g.values.length < 2 && !g.values.some((v) => v.selected));
  }
  let clear = document.getElementById('search-clear');
  if (!clear) {
    clear = el('button', { type: 'button', class: 'button button--secondary', id: 'search-clear' }, 'Clear filters');
    clear.addEventListener('click', () => {
      state.filters = {};
      writeURL(true);
      run();
      input.focus();
    });
    facetsBox.prepend(clear);
  }
  clear.hidden = filterCount() === 0;
  facetsBox.removeAttribute('aria-busy');
}

// Events
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    state.q = input.value;
    writeURL(false);
    run();
  }, DEBOUNCE_MS);
});

form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  state.q = input.value;
  state.sort = sortSelect.value;
  writeURL(true);
  run(true);
});

sortSelect.addEventListener('change', () => {
  state.sort = sortSelect.value;
  writeURL(true);
  run();
});

addEventListener('popstate', () => {
  state = stateFromParams(new URLSearchParams(location.search));
  syncControls();
  run();
});

async function start() {
  syncControls();
  // The filter box keeps its place from the first paint (see search.css),
  // so showing it now moves nothing on the page.
  root.classList.add('search--ready');
  if (matchMedia('(min-width: 48em)').matches) filtersBox.open = true;
  list.setAttribute('aria-busy', 'true');
  try {
    index = await openIndex(new URL(root.dataset.entry, location.href).href);
  } catch (err) {
    console.error(err);
    list.removeAttribute('aria-busy');
    status.textContent = 'Search is not available at the moment. You can browse by exemption, force, year or topic instead.';
    return;
  }
  await run();
}

start();
