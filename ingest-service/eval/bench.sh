#!/usr/bin/env bash
# Speed (and extraction F1) of ingest-service's ArticleExtractor and FeedParser beside readability-lxml and feedparser.
#   ingest-service/eval/bench.sh [SECONDS_PER_MEASUREMENT] [PEER_ROUNDS]
# Peers: apt-get install -y python3-readability python3-feedparser. Pages: /work/shared/eval/extraction (or
# NEWSFLOW_EVAL_DIR); without them the extraction half is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
../newsflow mvn -B -q -o -pl ingest-service test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.newsflow.ingest.extract.eval.ExtractionBenchmark "$@"
