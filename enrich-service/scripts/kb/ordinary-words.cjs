// Ordinary words of en, de, nb, nn, sv, da, fr, es and it, for the generators that leave names out when they are also
// words: lower-case entries of Debian's word lists (apt-get install wamerican wngerman wnorwegian wswedish wdanish
// wfrench wspanish witalian; /usr/share/dict), and German nouns (capitalised entries that also have a plural or
// inflected form, so "Halle"/"Hallen" counts but "Passau" does not). Used at generation time only, not shipped.
'use strict';

const fs = require('fs');

const DICTIONARIES = ['american-english', 'ngerman', 'bokmaal', 'nynorsk', 'swedish', 'danish', 'french', 'spanish',
  'italian'];

/**
 * @param {(w: string) => string[]} forms the forms of a word to add (the word itself, and e.g. its folded form)
 * @param {string[]} dictionaries the word lists to read, all of DICTIONARIES unless a generator needs fewer
 */
function ordinaryWords(forms = (w) => [w], dictionaries = DICTIONARIES) {
  const words = new Set();
  for (const dict of dictionaries) {
    const file = '/usr/share/dict/' + dict;
    if (!fs.existsSync(file)) {
      throw new Error(file + ' is missing: install the Debian word lists named in scripts/kb/ordinary-words.cjs');
    }
    const entries = fs.readFileSync(file, 'utf8').split('\n').map((w) => w.trim()).filter((w) => w);
    const all = new Set(entries);
    for (const w of entries) {
      if (w === w.toLowerCase()) {
        forms(w).forEach((f) => words.add(f));
      } else if (dict === 'ngerman' && ['n', 'en', 'e'].some((s) => all.has(w + s))) {
        forms(w.toLowerCase()).forEach((f) => words.add(f));
      }
    }
  }
  return words;
}

module.exports = { ordinaryWords };
