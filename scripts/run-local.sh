#!/usr/bin/env bash
# Runs the fabric locally: Azurite (or the one already listening on 10000-10002), a second Azurite for the Durable task
# hub on 10010-10012 (or the one already listening there), the back-office and channel simulators on
# http://127.0.0.1:7072 and the local fabric host on http://127.0.0.1:7071.
# Ctrl-C stops everything this script started.
# --demo: once the host is healthy, replays a sample day of traffic (scripts/retail demo) and prints its summary.
set -euo pipefail
demo=false
for argument in "$@"; do
  case "$argument" in
    --demo) demo=true ;;
    *) echo "usage: $0 [--demo]" >&2; exit 2 ;;
  esac
done
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$repo_root/scripts/lib/azurite.sh"
cd "$repo_root"

configuration=Debug
app_dir="functions/RetailFunctions.Functions/bin/$configuration/net10.0"
host_dll="src/RetailFunctions.LocalHost/bin/$configuration/net10.0/RetailFunctions.LocalHost.dll"
simulators_dll="src/RetailFunctions.Simulators/bin/$configuration/net10.0/RetailFunctions.Simulators.dll"
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # Azurite closes its services on SIGTERM but its process can linger; whatever is still there after 10 s is killed.
  for _ in $(seq 1 50); do
    local alive=false
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    [ "$alive" = false ] && break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

ensure_node_tools
if [ -f local.settings.json ]; then
  # Settings added to the sample since this copy was made (a new signed endpoint's secret, say) are added to it;
  # values already there are the developer's and stay.
  node -e '
    const fs = require("fs");
    const sample = JSON.parse(fs.readFileSync("local.settings.sample.json", "utf8"));
    const local = JSON.parse(fs.readFileSync("local.settings.json", "utf8"));
    local.Values = local.Values || {};
    const added = Object.keys(sample.Values).filter(k => !(k in local.Values));
    added.forEach(k => { local.Values[k] = sample.Values[k]; });
    if (added.length) {
      fs.writeFileSync("local.settings.json", JSON.stringify(local, null, 2) + "\n");
      console.log("Added to local.settings.json from the sample: " + added.join(", "));
    }'
else
  cp local.settings.sample.json local.settings.json
  echo "Created local.settings.json from local.settings.sample.json (development values only)."
fi
echo "Building..."
dotnet build RetailFunctions.sln -c "$configuration" --nologo -v quiet

# use_or_start_azurite <first port> <data folder> <what for>: the Azurite listening on the three ports from <first
# port> on, or a new one.
use_or_start_azurite() {
  local first=$1 data=$2 purpose=$3
  if port_open "$first" && port_open $((first + 1)) && port_open $((first + 2)); then
    echo "Using the Azurite already listening on 127.0.0.1:$first-$((first + 2)) for $purpose."
  else
    start_azurite "$first" $((first + 1)) $((first + 2)) "$data" "$data/azurite.log"
    pids+=("$azurite_pid")
    echo "Azurite for $purpose started (data in ${data#"$repo_root/"}/)."
  fi
}

use_or_start_azurite 10000 "$repo_root/.azurite" "the app's storage"

# The task hub (DurableTaskStorage) on its own Azurite: each Azurite is one single-threaded Node.js process, and the
# Durable provider's polling and checkpoints would otherwise queue behind the app's own storage calls. A developer
# who pointed DurableTaskStorage elsewhere in local.settings.json keeps it.
task_hub_env=()
task_hub_ports="as DurableTaskStorage in local.settings.json"
task_hub_setting="$(node -e 'console.log((JSON.parse(require("fs").readFileSync("local.settings.json", "utf8")).Values || {}).DurableTaskStorage || "")')"
if [ "$task_hub_setting" = "UseDevelopmentStorage=true" ]; then
  use_or_start_azurite 10010 "$repo_root/.azurite/taskhub" "the task hub"
  # One host is one worker: one partition (host.json's four are for scale-out in Azure) polls one control queue, not four.
  task_hub_env=("DurableTaskStorage=$(azurite_connection_string 10010 10011 10012)" LocalHost__Durable__PartitionCount=1)
  task_hub_ports="blob 10010, queue 10011, table 10012"
fi

mkdir -p "$repo_root/.azurite"
port_open 7072 && { echo "Port 7072 (simulators) is already in use; stop whatever holds it." >&2; exit 1; }
port_open 7071 && { echo "Port 7071 (fabric host) is already in use; stop whatever holds it." >&2; exit 1; }
# The simulated legacy ERP answers the batch files the fabric writes to erp-legacy-outbox/ on the same Azurite.
Simulators__LegacyErp__StorageConnectionString=UseDevelopmentStorage=true \
  dotnet "$simulators_dll" --urls http://127.0.0.1:7072 >"$repo_root/.azurite/simulators.log" 2>&1 &
pids+=("$!")
env "${task_hub_env[@]}" dotnet "$host_dll" --app "$app_dir" --settings local.settings.json --port 7071 &
pids+=("$!")

for _ in $(seq 1 120); do
  if curl -fs http://127.0.0.1:7071/api/health >/dev/null 2>&1; then break; fi
  sleep 0.5
done
cat <<INFO

RetailFunctions is running:
  health                 GET  http://127.0.0.1:7071/api/health
  channel webhooks       POST http://127.0.0.1:7071/api/webhooks/{shopify|amazon|walmart|pos}
  shipment callbacks     POST http://127.0.0.1:7071/api/callbacks/shipments/{source}
  orders                 GET  http://127.0.0.1:7071/api/orders/{channel}/{channelOrderId}
  settlements            upload to blob container settlements/{amazon|shopify|walmart}/{file}
                         GET  http://127.0.0.1:7071/api/settlements/{channel}/{settlementId}
  simulators             http://127.0.0.1:7072 (ERP /erp, WMS /wms, channel APIs, control /_sim; log in .azurite/simulators.log)
  storage (Azurite)      blob 10000, queue 10001, table 10002
  task hub (Azurite)     $task_hub_ports
Press Ctrl-C to stop.
INFO
if [ "$demo" = true ]; then
  echo
  echo "Replaying a sample day of traffic (scripts/retail demo)..."
  "$repo_root/scripts/retail" demo --base-url http://127.0.0.1:7071 --simulators-url http://127.0.0.1:7072 --settings local.settings.json \
    || echo "The demo did not finish cleanly (exit $?); the fabric keeps running. Logs: .azurite/simulators.log and the host output above." >&2
  echo "Press Ctrl-C to stop."
fi
wait "${pids[-1]}"
