#!/usr/bin/env bash
# Creates Newsflow's topics with the partition counts deploy/README.md recommends ("Topics and partitions"). Used by
# the Kubernetes Job (base/topics-job.yaml, via a generated ConfigMap) and by the compose `kafka-init` service, so both
# create the same topics. Idempotent (--if-not-exists): safe on every deploy. Partitions bound the parallelism of each
# stage (at most one consumer per partition); they can be raised later, never lowered, and raising them re-maps keys.
# Needs: KAFKA_BOOTSTRAP_SERVERS; optional NEWSFLOW_TOPIC_REPLICATION_FACTOR (default 3; 1 for a single broker).
set -euo pipefail
: "${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS must be set}"
replication="${NEWSFLOW_TOPIC_REPLICATION_FACTOR:-3}"
topics_cli="${KAFKA_HOME:-/opt/kafka}/bin/kafka-topics.sh"

create() { # topic partitions [--config k=v ...]
  "$topics_cli" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor "$replication" "${@:3}"
}

two_weeks=1209600000
thirty_days=2592000000
create news.articles.raw 12 --config retention.ms=$two_weeks
create news.articles.enriched 12 --config retention.ms=$two_weeks
create news.stories 6 --config retention.ms=$two_weeks
create news.ingest.feeds 6 --config cleanup.policy=compact
create news.ingest.seen 12 --config cleanup.policy=compact
create news.ingest.feed-state 6 --config cleanup.policy=compact
create news.enrich.watchlist 1 --config cleanup.policy=compact
create news.enrich.rules 1 --config cleanup.policy=compact
create news.ingest.dlq 3 --config retention.ms=$thirty_days
create news.enrich.dlq 3 --config retention.ms=$thirty_days
create news.store.dlq 3 --config retention.ms=$thirty_days
echo "Newsflow topics present on $KAFKA_BOOTSTRAP_SERVERS (replication factor $replication)"
