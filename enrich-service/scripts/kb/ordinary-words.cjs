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

const ARTICLES = new Set(['la', 'le', 'les', 'el', 'los', 'las', 'il', 'lo', 'the', 'de', 'den', 'det', 'di', 'del']);
// An elided article opening a name ("L'Union", "L'Escale"): a town named so with one ordinary word after it is that
// word at a sentence's start ("L'Union européenne a …" is no town near Toulouse).
const ELIDED_ARTICLE = /^(l|d|dell|dall|nell|sull|all)['’](?=\p{L})/u;
const fold = (w) => w.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * One word: an ordinary word (accents folded too: the matcher folds them) or shorter than four letters. Several: every
 * word ordinary or an article ("La Guardia", "North West"). An elided article and one ordinary word ("L'Union").
 */
function isOrdinaryName(name, words) {
  const word = (w) => ARTICLES.has(w) || words.has(w) || words.has(fold(w));
  const lower = name.toLowerCase();
  const rest = lower.replace(ELIDED_ARTICLE, '');
  if (rest !== lower) {
    return !/[\s-]/.test(rest) && word(rest); // "L'Union" is words, "L'Isle-sur-la-Sorgue" a name
  }
  const parts = lower.split(/[\s-]+/).filter((p) => p);
  if (parts.length === 1) {
    return word(parts[0]) || name.length < 4;
  }
  return !particleBetweenCapitals(name) && !capitalisedCompound(name) && parts.every(word);
}

/**
 * "Saint-Malo", "Baden-Baden", "Mont-Blanc": capitalised words joined by hyphens are one name; a sentence's ordinary
 * words are neither capitalised mid-word nor hyphenated so.
 */
function capitalisedCompound(name) {
  const parts = name.split('-');
  return parts.length > 1 && parts.every((p) => /^\p{Lu}/u.test(p));
}

/**
 * "Mo i Rana", "Castiglione della Pescaia", "Stratford-upon-Avon": a lower-case word between capitalised ones is a
 * place name's particle; words of a sentence would not be capitalised around it, so the name is no run of words.
 */
function particleBetweenCapitals(name) {
  const parts = name.split(/[\s-]+/).filter((p) => p);
  const capital = (w) => /^\p{Lu}/u.test(w);
  return parts.some((w, i) => i > 0 && i < parts.length - 1 && !capital(w) && capital(parts[i - 1])
    && capital(parts[parts.length - 1]));
}

/**
 * The part of a lexicon file that lists names and never-a-name words: all of it but the sections after the line
 * "# == Rule context ==" of name-cues.txt, which hold words the rules look for around a name ("max" among acronyms).
 */
function nameWords(text) {
  const at = text.indexOf('\n# == Rule context ==');
  return at < 0 ? text : text.slice(0, at + 1);
}

/** Adds the given names (and other words) of lexicon/name-cues.txt and lexicon/given-names.txt, lower-cased. */
function addLexiconNames(words, resources) {
  for (const file of ['lexicon/name-cues.txt', 'lexicon/given-names.txt']) {
    const text = nameWords(fs.readFileSync(require('path').join(resources, file), 'utf8'));
    for (const line of text.split('\n')) {
      if (!line.startsWith('#') && !line.startsWith('[')) {
        line.split(/\s+/).filter((w) => w).forEach((w) => words.add(w.toLowerCase()));
      }
    }
  }
  return words;
}

module.exports = { ordinaryWords, isOrdinaryName, addLexiconNames, nameWords };
