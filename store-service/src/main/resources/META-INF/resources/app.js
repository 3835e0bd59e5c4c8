// Newsflow analyst page: plain DOM and fetch, no libraries. All text from the API is inserted with textContent.
'use strict';

const $ = (id) => document.getElementById(id);
const FILTERS = ['q', 'entity', 'type', 'topic', 'source', 'language', 'from', 'to'];
const STREAM_FILTERS = ['entity', 'type', 'topic', 'source', 'language'];
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];
const params = new URLSearchParams(location.search);
let nextCursor = null;
let stream = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c instanceof Node ? c : String(c));
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || response.statusText);
  return body;
}

function when(instant) {
  return instant ? new Date(instant).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '';
}

function filters() {
  const form = new FormData($('search'));
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = (form.get(name) || '').trim();
    if (value) query.set(name, value);
  }
  return query;
}

function setFilter(name, value) {
  $('search').elements[name].value = value;
  searchArticles();
}

function entityChip(e) {
  return el('button', { class: 'chip ' + (e.type || ''), title: (e.type || '') + ' ' + e.id, type: 'button',
                        onclick: () => setFilter('entity', e.id) }, e.name);
}

function topicChip(t) {
  return el('button', { class: 'chip topic', title: t.code, type: 'button', onclick: () => setFilter('topic', t.code) },
            t.label || t.code);
}

function articleItem(a, fresh) {
  const item = el('li', { class: fresh ? 'new' : '', 'data-id': a.id },
    el('a', { class: 'title', onclick: () => showArticle(a.id) }, a.title),
    el('div', { class: 'meta' }, [a.source, a.language, when(a.publishedAt || a.fetchedAt)].filter(Boolean).join(' · '),
       a.storyId ? el('span', null, ' · ', el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); showStory(a.storyId); } },
                                             'story')) : null),
    el('div', null, ...(a.entities || []).map(entityChip), ...(a.topics || []).map(topicChip)));
  return item;
}

async function searchArticles(more) {
  const query = filters();
  query.set('limit', '25');
  if (!more) query.set('facets', 'topic,entity,source,language');
  if (more && nextCursor) query.set('cursor', nextCursor);
  $('status').textContent = 'Loading…';
  try {
    const page = await api('/api/articles?' + query);
    if (!more) {
      $('articles').replaceChildren();
      $('results-title').textContent = query.toString().replace(/(^|&)(limit|facets)=[^&]*/g, '') ? 'Matching articles'
                                                                                                   : 'Latest articles';
      renderFacets(page.facets || {});
    }
    page.items.forEach((a) => $('articles').append(articleItem(a, false)));
    nextCursor = page.nextCursor;
    $('more').hidden = !nextCursor;
    $('status').textContent = $('articles').children.length ? '' : 'No articles match.';
  } catch (e) {
    $('status').textContent = 'Error: ' + e.message;
  }
  if (!more) connectStream();
}

function renderFacets(facets) {
  const box = $('facets');
  box.replaceChildren();
  for (const [name, counts] of Object.entries(facets)) {
    const filter = name === 'entity' ? 'entity' : name;
    box.append(el('div', { class: 'facet' }, el('h3', null, name),
      ...counts.slice(0, 8).map((c) => el('button', { class: 'chip ' + (c.type || (name === 'topic' ? 'topic' : '')),
                                                      type: 'button', title: c.value,
                                                      onclick: () => setFilter(filter, c.value) },
                                          (c.label || c.value) + ' ' + c.count))));
  }
}

async function loadStories() {
  try {
    const page = await api('/api/stories?limit=15');
    $('stories').replaceChildren(...page.items.map((s) => el('li', { onclick: () => showStory(s.id), 'data-id': s.id },
      el('span', { class: 'badge' }, s.articleCount),
      el('span', { class: 'title' }, s.title),
      el('div', { class: 'meta' }, [s.sources.length + ' outlet' + (s.sources.length === 1 ? '' : 's'),
                                    s.languages.join(', '), when(s.lastSeen)].join(' · ')))));
  } catch (e) {
    $('stories').replaceChildren(el('li', null, 'Error: ' + e.message));
  }
}

async function showStory(id) {
  try {
    const story = await api('/api/stories/' + encodeURIComponent(id));
    $('results-title').textContent = 'Story: ' + story.title;
    $('status').textContent = story.articleCount + ' articles from ' + story.sources.join(', ') + ' in '
      + story.languages.join(', ') + ', ' + when(story.firstSeen) + ' – ' + when(story.lastSeen);
    $('articles').replaceChildren(...story.articles.map((a) => articleItem(a, false)));
    $('more').hidden = true;
  } catch (e) {
    $('status').textContent = 'Error: ' + e.message;
  }
}

async function showArticle(id) {
  try {
    const a = await api('/api/articles/' + encodeURIComponent(id));
    const body = $('detail-body');
    body.replaceChildren(
      el('h2', null, a.title),
      el('p', { class: 'meta' }, [a.source, a.language, when(a.publishedAt || a.fetchedAt), 'revision ' + a.revision]
        .join(' · '), ' · ', el('a', { href: a.url || a.canonicalUrl, target: '_blank', rel: 'noopener' }, 'original')),
      el('h3', null, 'Topics'), el('div', null, ...a.topics.map(topicChip)),
      el('h3', null, 'Entities'),
      el('table', null, el('tr', null, el('th', null, 'Name'), el('th', null, 'Type'), el('th', null, 'Mentions'),
                           el('th', null, 'Salience'), el('th', null, 'Id')),
        ...a.entities.map((e) => el('tr', null, el('td', null, entityChip(e)), el('td', null, e.type),
                                    el('td', null, e.count), el('td', null, e.salience.toFixed(2)),
                                    el('td', null, e.id)))),
      a.storyId ? el('p', null, el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); showStory(a.storyId); } },
                                   'Show the whole story')) : null,
      el('h3', null, 'Text'), el('div', { class: 'text' }, a.text));
    $('detail').hidden = false;
  } catch (e) {
    $('status').textContent = 'Error: ' + e.message;
  }
}

async function loadTrending() {
  try {
    const page = await api('/api/entities/trending?window=7d&buckets=7&limit=5');
    drawChart(page);
  } catch (e) {
    $('chart').textContent = 'Error: ' + e.message;
  }
}

// Line chart of mentions per day for the top entities, drawn as inline SVG.
function drawChart(page) {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 320, H = 180, L = 28, R = 8, T = 8, B = 22;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const line = (x1, y1, x2, y2, stroke) => {
    const l = document.createElementNS(NS, 'line');
    Object.entries({ x1, y1, x2, y2, stroke }).forEach(([k, v]) => l.setAttribute(k, v));
    return l;
  };
  const text = (x, y, s, anchor) => {
    const t = document.createElementNS(NS, 'text');
    Object.entries({ x, y, 'font-size': 9, fill: '#66707c', 'text-anchor': anchor || 'start' })
      .forEach(([k, v]) => t.setAttribute(k, v));
    t.textContent = s;
    return t;
  };
  const max = Math.max(1, ...page.items.flatMap((i) => i.series));
  const n = page.buckets;
  const x = (i) => L + (W - L - R) * (n === 1 ? 0.5 : i / (n - 1));
  const y = (v) => T + (H - T - B) * (1 - v / max);
  svg.append(line(L, T, L, H - B, '#cbd5e1'), line(L, H - B, W - R, H - B, '#cbd5e1'), text(L - 4, T + 8, max, 'end'),
             text(L - 4, H - B, 0, 'end'));
  const start = new Date(page.from).getTime(), end = new Date(page.until).getTime();
  for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 4))) {
    const day = new Date(start + (end - start) * (i + 0.5) / n).toISOString().slice(5, 10);
    svg.append(text(x(i), H - 6, day, 'middle'));
  }
  page.items.forEach((item, k) => {
    const path = document.createElementNS(NS, 'polyline');
    path.setAttribute('points', item.series.map((v, i) => `${x(i)},${y(v)}`).join(' '));
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', COLORS[k % COLORS.length]);
    path.setAttribute('stroke-width', 2);
    path.setAttribute('data-entity', item.id);
    svg.append(path);
  });
  if (!page.items.length) svg.append(text(W / 2, H / 2, 'No mentions in the last 7 days', 'middle'));
  $('chart').replaceChildren(svg);
  $('legend').replaceChildren(...page.items.map((item, k) => el('li', { onclick: () => setFilter('entity', item.id),
                                                                       title: item.change >= 0 ? '+' + item.change : item.change },
    el('i', { style: 'background:' + COLORS[k % COLORS.length] }), `${item.name} (${item.mentions})`)));
}

// Live updates: new articles matching the current filters are prepended as they are stored.
// ?live=0 turns them off; ?live=once closes the stream after the first article (headless-browser tests).
function connectStream() {
  if (params.get('live') === '0' || !window.EventSource) return;
  if (stream) stream.close();
  const query = filters();
  for (const name of [...query.keys()]) if (!STREAM_FILTERS.includes(name)) query.delete(name);
  stream = new EventSource('/api/stream?' + query);
  stream.onopen = () => { $('live').textContent = 'live'; $('live').className = 'live on'; };
  stream.onerror = () => { $('live').textContent = 'reconnecting'; $('live').className = 'live off'; };
  stream.onmessage = (event) => {
    const { article } = JSON.parse(event.data);
    const existing = $('articles').querySelector(`li[data-id="${CSS.escape(article.id)}"]`);
    if (existing) existing.remove();
    $('articles').prepend(articleItem(article, true));
    $('status').textContent = '';
    if (params.get('live') === 'once') {
      stream.close();
      $('live').textContent = 'live (closed)';
      return;
    }
    loadStories();
  };
}

$('search').addEventListener('submit', (e) => { e.preventDefault(); searchArticles(); });
$('clear').addEventListener('click', () => setTimeout(searchArticles, 0));
$('more').addEventListener('click', () => searchArticles(true));
$('close').addEventListener('click', () => { $('detail').hidden = true; });
for (const name of FILTERS) if (params.get(name)) $('search').elements[name].value = params.get(name);
loadStories();
loadTrending();
searchArticles();
