#!/usr/bin/env bash
# Runs the fabric locally: Azurite (or the one already listening on 10000-10002) and the local fabric host
# on http://127.0.0.1:7071. Ctrl-C stops everything this script started.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo_root/scripts/lib/azurite.sh"
cd "$repo_root"

configuration=Debug
app_dir="functions/RetailFunctions.Functions/bin/$configuration/net10.0"
host_dll="src/RetailFunctions.LocalHost/bin/$configuration/net10.0/RetailFunctions.LocalHost.dll"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

ensure_node_tools
[ -f local.settings.json ] || { cp local.settings.sample.json local.settings.json; echo "Created local.settings.json from local.settings.sample.json (development values only)."; }
echo "Building..."
dotnet build RetailFunctions.sln -c "$configuration" --nologo -v quiet

if port_open 10000 && port_open 10001 && port_open 10002; then
  echo "Using the Azurite already listening on 127.0.0.1:10000-10002."
else
  start_azurite 10000 10001 10002 "$repo_root/.azurite" "$repo_root/.azurite/azurite.log"
  pids+=("$azurite_pid")
  echo "Azurite started (data in .azurite/)."
fi

dotnet "$host_dll" --app "$app_dir" --settings local.settings.json --port 7071 &
pids+=("$!")

for _ in $(seq 1 120); do
  if curl -fs http://127.0.0.1:7071/api/health >/dev/null 2>&1; then break; fi
  sleep 0.5
done
cat <<INFO

RetailFunctions is running:
  health                 GET  http://127.0.0.1:7071/api/health
  Shopify webhooks       POST http://127.0.0.1:7071/api/webhooks/shopify
  orders                 GET  http://127.0.0.1:7071/api/orders/{channel}/{channelOrderId}
  storage (Azurite)      blob 10000, queue 10001, table 10002
Press Ctrl-C to stop.
INFO
wait "${pids[-1]}"
