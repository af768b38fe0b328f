#!/usr/bin/env bash
# Runs every test: unit tests, the local fabric host and function app against a private Azurite, the simulators,
# the CLI, and the Bicep build, lint and template checks. Sets up what it needs on a fresh machine (npm ci, restore).
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Shopify]
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo_root/scripts/lib/azurite.sh"
source "$repo_root/scripts/lib/chromium.sh"
cd "$repo_root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

azurite_pid=""
azurite_data="$(mktemp -d "${TMPDIR:-/tmp}/retail-test-azurite.XXXXXX")"
cleanup() {
  if [ -n "$azurite_pid" ]; then kill "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true; fi
  rm -rf "$azurite_data"
}
trap cleanup EXIT INT TERM

ensure_node_tools
ensure_chromium
echo "Building..."
dotnet build RetailFunctions.sln -c Debug --nologo -v quiet -clp:ErrorsOnly

# A private Azurite on free ports: never collides with one that run-local.sh (or anything else) started.
read -r blob queue table < <(free_ports 3)
start_azurite "$blob" "$queue" "$table" "$azurite_data" "$azurite_data/azurite.log"
export RETAIL_TEST_STORAGE="$(azurite_connection_string "$blob" "$queue" "$table")"
echo "Azurite for tests on 127.0.0.1:$blob/$queue/$table"

# One test project at a time: the Azurite-backed projects start fabric hosts, and two hosts on one storage account
# would take each other's queue messages (each polls the same queues with its own task hub).
status=0
for project in $(dotnet sln RetailFunctions.sln list | grep -E '^tests/.*Tests\.csproj$'); do
  dotnet test "$project" -c Debug --no-build --nologo --logger "console;verbosity=minimal" "$@" || status=1
done
exit $status
