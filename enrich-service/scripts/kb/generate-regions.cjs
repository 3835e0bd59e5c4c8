#!/usr/bin/env node
// Regenerates enrich-service/src/main/resources/kb/regions.tsv: the English names of the country subdivisions of
// ISO 3166-2 (states, provinces, regions, departments, counties: "Kerala", "Waikato", "Creuse", "Dalarna"), which news
// names as often as cities and which neither the GeoNames city list nor the curated entities cover beyond a few
// countries. Read from the npm package cldr-subdivisions-full (Unicode CLDR, Unicode License v3, a permissive licence).
// Left out: names shorter than four letters, given names, and names that are English words or German nouns (Debian's
// word lists, generation time only: English headlines and German nouns are where a capital proves least). Words of
// other languages stay ("Creuse", "Cauca"): the matcher needs a capital where the alias has one.
//
//   apt-get install wamerican wngerman wnorwegian wswedish wdanish wfrench wspanish witalian   # /usr/share/dict
//   REPO=$(git rev-parse --show-toplevel)   # run inside your clone, before cd leaves it
//   mkdir -p /tmp/kb-regions && cd /tmp/kb-regions && npm install --no-save cldr-subdivisions-full@48.2.0
//   node $REPO/enrich-service/scripts/kb/generate-regions.cjs > $REPO/enrich-service/src/main/resources/kb/regions.tsv
//
// Data: Unicode CLDR (https://cldr.unicode.org), © Unicode, Inc., Unicode License v3
// (https://www.unicode.org/license.txt); the header of the generated file keeps the notice.
'use strict';

const fs = require('fs');
const path = require('path');

const where = { paths: [process.cwd(), __dirname] };
const english = require(require.resolve('cldr-subdivisions-full/subdivisions/en/en.json', where));
const version = require(require.resolve('cldr-subdivisions-full/package.json', where)).version;
const subdivisions = english.subdivisions.localeDisplayNames.subdivisions;

const { ordinaryWords, nameWords } = require('./ordinary-words.cjs');
const words = ordinaryWords((w) => [w], ['american-english', 'ngerman']);
// Given names: a region called like a person ("Victoria", "Florence") would take the person's name.
for (const file of ['lexicon/name-cues.txt', 'lexicon/given-names.txt']) {
  const text = nameWords(fs.readFileSync(path.join(__dirname, '../../src/main/resources', file), 'utf8'));
  for (const line of text.split('\n')) {
    if (!line.startsWith('#') && !line.startsWith('[')) {
      line.split(/\s+/).filter((w) => w).forEach((w) => words.add(w.toLowerCase()));
    }
  }
}
// Compass points and landforms in French, Spanish, Portuguese and Italian, which name regions of Haiti, Benin or
// Burkina Faso but mostly occur as words ("l'Ouest", "calle Príncipe"), and pairs that news names as two places.
const GENERIC = new Set(['Ouest', 'Est', 'Nord', 'Sud', 'Norte', 'Sur', 'Leste', 'Oeste', 'Este', 'Centro', 'Centre',
  'Centrale', 'Litoral', 'Lacs', 'Collines', 'Montagnes', 'Lagunes', 'Savanes', 'Cordillera', 'Estuaire',
  'Atlantique', 'Atlántico', 'Independencia', 'Príncipe', 'Plaisance', 'Glacis', 'Kanal', 'England and Wales']);
const ARTICLES = new Set(['la', 'le', 'les', 'el', 'los', 'las', 'il', 'lo', 'the', 'de', 'den', 'det', 'di', 'del']);
const folded = (w) => w.normalize('NFD').replace(/\p{M}/gu, '');
const word = (w) => ARTICLES.has(w) || words.has(w) || words.has(folded(w));
// One word: an ordinary word, a given name or very short. Several: every word ordinary ("Central Region", "North West").
const ordinary = (name) => {
  const parts = name.toLowerCase().split(/[\s-]+/).filter((p) => p);
  return parts.length === 1 ? word(parts[0]) || name.length < 4 : parts.every(word);
};

const names = new Map(); // name → CLDR codes ("inkl" for IN-KL), so a name several countries use is written once
for (const [code, raw] of Object.entries(subdivisions)) {
  const name = raw.replace(/[\t\r\n]/g, ' ').trim();
  if (!name || /[\d(),[\]/]/.test(name) || !/^\p{Lu}/u.test(name) || GENERIC.has(name) || ordinary(name)) {
    continue;
  }
  if (!names.has(name)) {
    names.set(name, []);
  }
  names.get(name).push(code);
}

const out = [];
out.push('# Country subdivisions (ISO 3166-2: states, provinces, regions, departments, counties), English names, generated');
out.push('# by enrich-service/scripts/kb/generate-regions.cjs from cldr-subdivisions-full@' + version + ' (npm).');
out.push('# Data: Unicode CLDR, https://cldr.unicode.org, Copyright © Unicode, Inc., Unicode License v3');
out.push('# (https://www.unicode.org/license.txt); see kb/README.md for the notice.');
out.push('# Do not edit by hand: regenerate. Names also in countries.tsv, entities.tsv or cities.tsv are skipped when the KB loads.');
out.push('# Columns as entities.tsv: qid  type  tags  name  aliases  (the CLDR codes that carry the name follow as a comment column)');
for (const name of [...names.keys()].sort()) {
  out.push(['-', 'LOCATION', 'region', name, '', names.get(name).join(' ')].join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
