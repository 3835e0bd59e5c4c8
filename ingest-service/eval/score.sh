#!/usr/bin/env bash
# Extraction F1 of ingest-service's ArticleExtractor on the shared benchmark, scored by its reference scorer.
#   ingest-service/eval/score.sh [--worst N] [--dir EVAL_DIR]
# Pages: /work/shared/eval/extraction (or NEWSFLOW_EVAL_DIR); without them it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
../newsflow mvn -B -q -o -pl ingest-service test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.newsflow.ingest.extract.eval.ExtractionEvaluation --out target/eval/predictions.json "$@"
