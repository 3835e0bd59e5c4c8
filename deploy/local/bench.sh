#!/usr/bin/env bash
# End-to-end benchmark of the local pipeline: N synthetic outlets → ingest → enrich → store, each service its own
# process on a real Kafka broker and PostgreSQL. Prints articles/s stored, fetch→stored latency percentiles, CPU and
# RSS per process, and raw Kafka produce→consume throughput for the same payload sizes.
#
#   deploy/local/bench.sh [--outlets 40] [--phase 60] [--latency-rate 100] [--saturation-rate 1500] [--warmup 20]
#   deploy/local/bench.sh --soak 1800 --latency-rate 50      # RSS, CPU and articles stored every minute (no leak = flat)
#   deploy/local/bench.sh … --jfr target/jfr      # also a flight recording (profile settings) of each service JVM
#
# Needs the services packaged (target/quarkus-app) and the modules compiled, e.g. once:
#   ./newsflow mvn -B -o package -DskipTests -pl deploy/local -am
# This script only compiles the test classes of deploy/local and builds their classpath (nothing is installed).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
for s in ingest-service enrich-service store-service; do
  if [ ! -f "$s/target/quarkus-app/quarkus-run.jar" ]; then
    echo "bench: $s is not packaged; run: ./newsflow mvn -B -o package -DskipTests -pl deploy/local -am" >&2
    exit 1
  fi
done
cp_file=$root/deploy/local/target/bench.classpath
# -am with the Quarkus build skipped: the services' poms resolve from the reactor instead of ~/.m2, and their packaged
# applications (built before) are left as they are. The last module written wins the output file: deploy/local.
./newsflow mvn -B -o -q -pl deploy/local -am -Dquarkus.build.skip=true -DskipTests \
  test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java_home=$(./newsflow mvn -v 2>/dev/null | sed -n 's/^Java version: .*runtime: \(.*\)$/\1/p')
java=${java_home:+$java_home/bin/}java
exec "$java" -Xmx1g -Dnewsflow.home="$root" \
  -cp "$root/deploy/local/target/test-classes:$root/deploy/local-stack/target/classes:$(cat "$cp_file")" \
  io.newsflow.e2e.bench.PipelineBenchmark "$@"
