#!/usr/bin/env bash
# A ThreatShare cluster on one machine, from local builds: a throwaway PostgreSQL, a Redis and
# N server nodes on their own ports behind one public URL, with logs and health checks.
#
#   infra/cluster.sh start [N]     build (Release) and start N nodes (default 3); prints the URLs
#   infra/cluster.sh status        health of every part
#   infra/cluster.sh stop          stop everything and delete the cluster's data
#
# Ports: PostgreSQL 55440, Redis 56379, nodes 5101…510N (override with CLUSTER_PG_PORT,
# CLUSTER_REDIS_PORT, CLUSTER_BASE_PORT). Everything lives in .cluster/ (logs in .cluster/logs).
# Node 1 seeds the demo organizations; their credentials are in .cluster/node1/demo-credentials.json.
# The PostgreSQL settings here are for a local cluster only (fsync off), never for production.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD/.cluster"
pg_bin=/usr/lib/postgresql/15/bin
pg_port="${CLUSTER_PG_PORT:-55440}"
redis_port="${CLUSTER_REDIS_PORT:-56379}"
base_port="${CLUSTER_BASE_PORT:-5101}"
public_url="http://127.0.0.1:${base_port}/"

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- env TMPDIR="$root/pg" "$@"; else "$@"; fi
}

healthy() { curl -fsS --max-time 2 "$1/health" >/dev/null 2>&1; }

wait_for() { # what, command...
  local what=$1; shift
  for _ in $(seq 1 300); do "$@" && return 0; sleep 0.2; done
  echo "$what did not come up; see $root/logs" >&2
  return 1
}

start() {
  local n=${1:-3}
  [[ -x "$pg_bin/initdb" ]] || { echo "PostgreSQL 15 is missing: run infra/test.sh once (it installs the Debian packages)" >&2; exit 1; }
  command -v redis-server >/dev/null || { echo "redis-server is missing: run infra/test.sh once" >&2; exit 1; }
  if [[ -f "$root/nodes" ]]; then echo "a cluster is running; infra/cluster.sh stop first" >&2; exit 1; fi
  mkdir -p "$root/logs" "$root/pg"
  [[ $(id -u) -eq 0 ]] && chown postgres "$root/pg"

  echo "building…"
  dotnet build src/ThreatShare.Server -c Release -nologo -v q >"$root/logs/build.log" 2>&1 || { cat "$root/logs/build.log" >&2; exit 1; }

  echo "PostgreSQL on $pg_port"
  as_postgres "$pg_bin/initdb" -D "$root/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$root/logs/initdb.log"
  as_postgres "$pg_bin/pg_ctl" -D "$root/pg/data" -w -l "$root/pg/postgres.log" \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $root/pg -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null

  echo "Redis on $redis_port"
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$root/logs/redis.log" 2>&1 &
  echo $! >"$root/redis.pid"
  wait_for Redis redis-cli -p "$redis_port" ping

  local dll="$PWD/src/ThreatShare.Server/bin/Release/net10.0/ThreatShare.Server.dll"
  : >"$root/nodes"
  for i in $(seq 1 "$n"); do
    local port=$((base_port + i - 1)) dir="$root/node$i"
    mkdir -p "$dir"
    local seed=()
    [[ $i -eq 1 ]] && seed=(--seed-demo)
    ( cd "$dir" && exec env ThreatShare__PublicUrl="$public_url" dotnet "$dll" --urls "http://127.0.0.1:$port" --data-dir "$dir" \
        --postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=threatshare;Maximum Pool Size=100" \
        --redis "127.0.0.1:$redis_port,abortConnect=false" "${seed[@]}" >"$root/logs/node$i.log" 2>&1 ) &
    echo "$! $port" >>"$root/nodes"
    # Node 1 creates the store; the others start once it has.
    if [[ $i -eq 1 ]]; then wait_for "node 1" healthy "http://127.0.0.1:$port"; fi
  done
  while read -r _ port; do wait_for "node on $port" healthy "http://127.0.0.1:$port"; done <"$root/nodes"
  echo "cluster up: $n nodes"
  while read -r _ port; do echo "  http://127.0.0.1:$port"; done <"$root/nodes"
  echo "demo credentials: $root/node1/demo-credentials.json; logs: $root/logs; stop: infra/cluster.sh stop"
}

status() {
  [[ -f "$root/nodes" ]] || { echo "no cluster"; return 1; }
  local ok=0
  as_postgres "$pg_bin/pg_ctl" -D "$root/pg/data" status >/dev/null 2>&1 && echo "postgres  up   :$pg_port" || { echo "postgres  DOWN :$pg_port"; ok=1; }
  redis-cli -p "$redis_port" ping >/dev/null 2>&1 && echo "redis     up   :$redis_port" || { echo "redis     DOWN :$redis_port"; ok=1; }
  while read -r pid port; do
    if healthy "http://127.0.0.1:$port"; then echo "node      up   :$port (pid $pid)"; else echo "node      DOWN :$port (pid $pid)"; ok=1; fi
  done <"$root/nodes"
  return $ok
}

stop() {
  if [[ -f "$root/nodes" ]]; then
    while read -r pid _; do kill "$pid" 2>/dev/null || true; done <"$root/nodes"
    sleep 1
    while read -r pid _; do kill -9 "$pid" 2>/dev/null || true; done <"$root/nodes"
  fi
  [[ -f "$root/redis.pid" ]] && kill "$(cat "$root/redis.pid")" 2>/dev/null || true
  [[ -d "$root/pg/data" ]] && as_postgres "$pg_bin/pg_ctl" -D "$root/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$root"
  echo "cluster stopped"
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  status) status ;;
  stop) stop ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
