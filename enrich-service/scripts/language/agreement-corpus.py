#!/usr/bin/env python3
"""Build a multilingual measurement corpus from what a Debian/Ubuntu machine already has, for FunctionWordAgreement.

usage: agreement-corpus.py OUT_DIR      (then -Dagreement.dirs=OUT_DIR)

- man-<locale>/NNNN.txt: translated manual pages (/usr/share/man/<locale>), rendered with `man -l`, paragraphs of
  8+ words grouped into documents of 120+ words; up to 400 per locale, plus 300 from the English pages.
- mo-<locale>/NNNN.txt: translated messages of 6+ words from the gettext catalogues (/usr/share/locale/<locale>),
  shuffled and grouped into documents of 120+ words; up to 150 per locale.

Technical text with untranslated English, commands and placeholders: harder than news, which is the point. The
documents are written outside the repository and not kept in it. The shuffle is seeded, so a rerun on the same
machine gives the same corpus.
"""
import gettext
import glob
import os
import random
import re
import shutil
import subprocess
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/langcorpus'
MO_LOCALES = ['nb', 'nn', 'da', 'sv', 'de', 'nl', 'fr', 'es', 'it', 'pt', 'pt_BR', 'ca', 'ca@valencia', 'gl', 'af',
              'oc', 'ast', 'an', 'fy', 'li', 'nds', 'lb', 'fo', 'is', 'ro', 'pl', 'fi', 'tr', 'eo', 'ia', 'wa', 'fur',
              'sc', 'br', 'eu', 'cs', 'sk', 'hr', 'sl', 'et', 'lv', 'lt', 'hu', 'id', 'ms', 'sq', 'cy', 'ga', 'gd',
              'vi', 'tl', 'mt', 'io', 'ie']


def write(group, docs, limit):
    folder = os.path.join(OUT, group)
    os.makedirs(folder, exist_ok=True)
    random.shuffle(docs)
    for i, text in enumerate(docs[:limit]):
        with open(os.path.join(folder, f'{i:04d}.txt'), 'w') as f:
            f.write(text)
    print(group, min(len(docs), limit))


def group(paragraphs, words=120):
    docs, current, n = [], [], 0
    for p in paragraphs:
        current.append(p)
        n += len(p.split())
        if n >= words:
            docs.append('\n\n'.join(current))
            current, n = [], 0
    return docs


def man_page(path):
    env = {**os.environ, 'MANWIDTH': '3000'}
    text = subprocess.run(['man', '-l', path], capture_output=True, text=True, env=env, timeout=20).stdout
    text = re.sub('.\b', '', text)  # overstrike (bold, underline)
    return [' '.join(b.split()) for b in re.split(r'\n\s*\n', text) if len(b.split()) >= 8]


def main():
    random.seed(7)
    shutil.rmtree(OUT, ignore_errors=True)
    for folder in sorted(glob.glob('/usr/share/man/*/')):
        locale = os.path.basename(folder.rstrip('/'))
        if locale.startswith('man') or locale in ('ja', 'ko', 'zh_CN', 'zh_TW'):
            continue
        docs = [d for page in sorted(glob.glob(folder + 'man*/*')) for d in group(man_page(page))]
        write(f'man-{locale}', docs, 400)
    pages = sorted(glob.glob('/usr/share/man/man1/*'))
    random.shuffle(pages)
    write('man-en', [d for page in pages[:150] for d in group(man_page(page))], 300)
    for locale in MO_LOCALES:
        messages = set()
        for mo in glob.glob(f'/usr/share/locale/{locale}/LC_MESSAGES/*.mo'):
            try:
                with open(mo, 'rb') as f:
                    catalogue = gettext.GNUTranslations(f)._catalog
            except Exception:  # a damaged or foreign-format catalogue: skip it
                continue
            for key, value in catalogue.items():
                if not isinstance(value, str):
                    continue
                value = ' '.join(re.sub(r'%[-0-9.]*[a-zA-Z]|\{[^}]*\}|[_&](?=\w)|\\n|<[^>]+>', ' ', value).split())
                original = key if isinstance(key, str) else key[0]
                if original and len(value.split()) >= 6 and value != original:  # "" is the catalogue's header
                    messages.add(value)
        messages = sorted(messages)
        random.shuffle(messages)
        docs = group(messages)
        if docs:
            write(f'mo-{locale}', docs, 150)


if __name__ == '__main__':
    main()
