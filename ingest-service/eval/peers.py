#!/usr/bin/env python3
"""Peers for ingest-service's benchmark harness (ExtractionBenchmark), run in the same harness run.

  peers.py readability EVAL_DIR PREDICTIONS_OUT ROUNDS  -> readability-lxml (Debian python3-readability)
  peers.py feedparser FEED_FILE ROUNDS                  -> feedparser (Debian python3-feedparser)

Prints one JSON line: what was measured, CPU seconds (process time, single thread) and the rate.
"""
import gzip
import json
import os
import sys
import time


def readability(eval_dir, out, rounds):
    from readability import Document
    import lxml.html
    import logging
    logging.disable(logging.CRITICAL)
    pages = {}
    html_dir = os.path.join(eval_dir, "html")
    for name in sorted(os.listdir(html_dir)):
        if name.endswith(".html.gz"):
            with gzip.open(os.path.join(html_dir, name)) as f:
                pages[name[:-len(".html.gz")]] = f.read()

    def extract(raw):
        summary = Document(raw).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content().strip() if summary.strip() else ""

    predictions = {k: {"articleBody": extract(v)} for k, v in pages.items()}  # also the warm-up round
    with open(out, "w", encoding="utf-8") as f:
        json.dump(predictions, f, ensure_ascii=False)
    start = time.process_time()
    for _ in range(rounds):
        for raw in pages.values():
            extract(raw)
    cpu = time.process_time() - start
    n = rounds * len(pages)
    print(json.dumps({"peer": "readability-lxml", "pages": n, "cpu_seconds": cpu, "per_second": n / cpu}))


def feeds(feed_file, rounds):
    import feedparser
    with open(feed_file, "rb") as f:
        raw = f.read()
    items = len(feedparser.parse(raw).entries)  # warm-up
    start = time.process_time()
    for _ in range(rounds):
        feedparser.parse(raw)
    cpu = time.process_time() - start
    n = rounds * items
    print(json.dumps({"peer": "feedparser", "items": n, "cpu_seconds": cpu, "per_second": n / cpu}))


if __name__ == "__main__":
    if sys.argv[1] == "readability":
        readability(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        feeds(sys.argv[2], int(sys.argv[3]))
