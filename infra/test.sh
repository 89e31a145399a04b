#!/usr/bin/env bash
# Runs every ThreatShare test: installs the Debian packages the tests need when they are
# missing, then runs `dotnet test` over the solution. Extra arguments go to `dotnet test`
# (e.g. `infra/test.sh --filter FullyQualifiedName~Patterns`).
set -euo pipefail
cd "$(dirname "$0")/.."

# "command or file the tests use" -> "Debian package that provides it".
# Tests start their own throwaway server instances; the system services are never started.
# (Chromium joins this list with the tests that use it.)
declare -A packages=(
  [/usr/lib/postgresql/15/bin/initdb]=postgresql
  [redis-server]=redis-server
  [node]=nodejs
  [npm]=npm
  # The export tests read rules with Suricata's own parser and zones with BIND's checker.
  [/usr/bin/suricata-update]=suricata-update
  [/usr/bin/named-checkzone]=bind9-utils
)
missing=()
for tool in "${!packages[@]}"; do
  if [[ "$tool" == /* ]]; then [[ -x "$tool" ]] || missing+=("${packages[$tool]}")
  else command -v "$tool" >/dev/null 2>&1 || missing+=("${packages[$tool]}"); fi
done
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  # policy-rc.d keeps the packages' own services from starting: tests run their own instances.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null; $sudo chmod +x /usr/sbin/policy-rc.d
    trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The official JavaScript SignalR client, at the version pinned in tests/js/package-lock.json.
npm ci --prefix tests/js --no-audit --no-fund --loglevel=error

results="${TEST_RESULTS_DIR:-TestResults}"
dotnet test ThreatShare.sln -c Release --logger trx --results-directory "$results" "$@"
