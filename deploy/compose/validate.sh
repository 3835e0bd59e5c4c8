#!/usr/bin/env bash
# Validates docker-compose.yml without a container engine: `docker-compose config` (Debian package docker-compose, or
# the `docker compose` plugin) with the variables of .env.example, plus checks compose cannot make:
# required passwords really are required, the image tags match the Maven version, mounted files exist, and each
# service's port and health check match its application.properties.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
file="$here/docker-compose.yml"
fail() { echo "validate.sh: FAIL: $*" >&2; exit 1; }

if command -v docker-compose >/dev/null 2>&1; then compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then compose=(docker compose)
else fail "neither docker-compose nor 'docker compose' found (Debian: apt-get install docker-compose)"; fi

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# .env.example with throwaway passwords: the structure is checked, not the secrets.
sed -e 's/^POSTGRES_PASSWORD=.*/POSTGRES_PASSWORD=validate-only/' \
    -e 's/^GRAFANA_ADMIN_PASSWORD=.*/GRAFANA_ADMIN_PASSWORD=validate-only/' "$here/.env.example" > "$work/env"

# Run from an empty directory so a developer's own deploy/compose/.env cannot hide a problem.
(cd "$work" && env -i PATH="$PATH" HOME="$HOME" "${compose[@]}" --env-file "$work/env" -f "$file" config) > "$work/resolved.yml" \
  || fail "compose config rejected $file"
echo "compose config: ok ($(grep -c '^  [a-z-]*:$' "$work/resolved.yml" || true) services)"

# Passwords have no defaults: compose must refuse to render without them.
grep -v '_PASSWORD=' "$work/env" > "$work/env-nopw"
if (cd "$work" && env -i PATH="$PATH" HOME="$HOME" "${compose[@]}" --env-file "$work/env-nopw" -f "$file" config -q) 2>/dev/null; then
  fail "compose renders without POSTGRES_PASSWORD/GRAFANA_ADMIN_PASSWORD: a default password slipped in"
fi
echo "required passwords: ok"

version="$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml")"
grep -q "^NEWSFLOW_VERSION=$version\$" "$here/.env.example" || fail ".env.example NEWSFLOW_VERSION is not $version"
for s in ingest enrich store; do
  grep -q "image: newsflow/$s-service:\${NEWSFLOW_VERSION:-$version}" "$file" \
    || fail "$s-service image is not newsflow/$s-service:\${NEWSFLOW_VERSION:-$version} (what -Pimage builds)"
  props="$root/$s-service/src/main/resources/application.properties"
  port="$(sed -n 's/^quarkus\.http\.port=\([0-9]*\).*/\1/p' "$props")"
  [ -n "$port" ] || fail "no quarkus.http.port in $props"
  grep -q "\"$port:$port\"" "$file" || fail "$s-service does not publish its port $port"
  grep -q "HealthCheck\", \"http://localhost:$port/q/health/ready\"" "$file" || fail "$s-service health check does not probe :$port"
done
echo "images, ports, health checks: ok (version $version)"

grep -o '\.\./[^:]*' "$file" | sort -u | while read -r rel; do
  [ -e "$here/$rel" ] || fail "mounted path $rel does not exist"
done
echo "mounted files: ok"
echo "deploy/compose/docker-compose.yml is valid"
