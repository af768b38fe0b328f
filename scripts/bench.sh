#!/usr/bin/env bash
# Benchmarks, one subcommand per area; each prints a small table. Console measurements, not tests: run them on a quiet machine.
# Usage: scripts/bench.sh settlements [--lines N] [--repeat N] [--orders N]
#        scripts/bench.sh orders [--rate 50] [--seconds 60] [--ceiling]
#        scripts/bench.sh inventory [--rate N] [--seconds N] [--skus N] [--adjustments N] [--per-request N]
#   settlements  Amazon V2 settlement file of N lines (default 1,000,000): parse-and-map lines/s and peak memory of the
#                Sep parser against a straightforward CsvHelper parser; targets >= 500,000 lines/s, >= 3x, < 150 MiB.
#                Then reconcile: parse, reconcile against a ledger of --orders orders (default 300,000), build the journal; target <= 20 s.
#   orders       signed Shopify webhooks at a fixed rate through the local fabric host (private Azurite, simulators):
#                ack p50/p99, webhook -> ERP sales order p50/p95, throughput; --ceiling raises the rate until a target fails.
#   inventory    Through the local fabric host, Azurite and the simulators (their default rate limits): (a) steady N
#                changes/s for N s (default 50 for 60) -> change-to-channel lag p50/p95/p99 per channel; (b) a burst of
#                N adjustments (default 10,000, 100 per request) over N SKUs (default 1,000) -> time until every channel
#                holds every value, and channel API calls. Targets: steady p99 <= 2 s (Shopify, Amazon), burst <= 30 s.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="$REPO_ROOT/benchmarks/RetailFunctions.Benchmarks/RetailFunctions.Benchmarks.csproj"
BENCH_DLL="$REPO_ROOT/benchmarks/RetailFunctions.Benchmarks/bin/Release/net10.0/RetailFunctions.Benchmarks.dll"

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

build() {
  echo "bench: building benchmarks (Release)" >&2
  if ! DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
    dotnet build "$PROJECT" -c Release --nologo -v quiet -clp:ErrorsOnly >"$WORK/build.log" 2>&1; then
    cat "$WORK/build.log" >&2
    exit 1
  fi
}

bench() { dotnet "$BENCH_DLL" "$@"; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

settlements() {
  local lines=1000000 repeat=3 orders=300000
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --lines) lines="${2:?--lines needs a number}"; shift 2 ;;
      --repeat) repeat="${2:?--repeat needs a number}"; shift 2 ;;
      --orders) orders="${2:?--orders needs a number}"; shift 2 ;;
      *) echo "bench settlements: unknown argument $1" >&2; exit 2 ;;
    esac
  done

  build
  echo "bench: generating an Amazon V2 file of $lines lines" >&2
  bench settlements generate "$WORK/settlement.txt" "$lines"
  echo "bench: $(du -h "$WORK/settlement.txt" | cut -f1) file; best of $repeat runs per parser, each parser in its own process" >&2

  # Each run prints: parser, lines, seconds, lines/s, peak working set MiB, MiB allocated per run, balance check.
  {
    bench settlements run sep "$WORK/settlement.txt" "$repeat"
    bench settlements run csvhelper "$WORK/settlement.txt" "$repeat"
  } >"$WORK/results.tsv"

  awk -F '\t' '
    { parser[NR] = $1; lines[NR] = $2; secs[NR] = $3; rate[NR] = $4; peak[NR] = $5; alloc[NR] = $6; check[NR] = $7 }
    END {
      printf "%-10s %10s %8s %12s %10s %14s  %s\n", "parser", "lines", "seconds", "lines/s", "peak MiB", "alloc MiB/run", "total"
      for (i = 1; i <= NR; i++)
        printf "%-10s %10d %8.3f %12d %10.1f %14d  %s\n", parser[i], lines[i], secs[i], rate[i], peak[i], alloc[i], check[i]
      ratio = rate[1] / rate[2]
      printf "\nsep vs csvhelper: %.2fx\n", ratio
      printf "target lines/s >= 500000 : %s\n", ((rate[1] >= 500000) ? "met" : "MISSED")
      printf "target ratio   >= 3x     : %s\n", ((ratio >= 3) ? "met" : "MISSED")
      printf "target peak    <  150 MiB: %s\n", ((peak[1] < 150) ? "met" : "MISSED")
    }' "$WORK/results.tsv"

  echo "bench: reconciling against a ledger of $orders orders" >&2
  bench settlements reconcile "$WORK/settlement.txt" "$orders" | awk -F '\t' '
    {
      printf "\n%-10s %10s %10s %8s %10s %8s %8s %8s %8s\n", "reconcile", "lines", "ledger", "seconds", "peak MiB", "matched", "variance", "unknown", "journal"
      printf "%-10s %10d %10d %8.3f %10.1f %8d %8d %8d %8d\n", "", $1, $3, $4, $5, $6, $7, $8, $9
      printf "settled orders: %d\ntarget reconcile <= 20 s  : %s\n", $2, (($4 <= 20) ? "met" : "MISSED")
    }'
}

# The fabric as run-local.sh runs it, but on free ports with a private Azurite and Release builds.
start_fabric() {
  source "$REPO_ROOT/scripts/lib/azurite.sh"
  local repo_root="$REPO_ROOT"
  ensure_node_tools
  echo "bench: building the fabric (Release)" >&2
  for project in src/RetailFunctions.LocalHost functions/RetailFunctions.Functions src/RetailFunctions.Simulators; do
    dotnet build "$REPO_ROOT/$project" -c Release --nologo -v quiet -clp:ErrorsOnly >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
  done
  read -r blob queue table sim_port host_port < <(free_ports 5)
  start_azurite "$blob" "$queue" "$table" "$WORK/azurite" "$WORK/azurite.log"
  FABRIC_PIDS=("$azurite_pid")
  SECRET="bench-only-shopify-secret"
  WMS_SECRET="bench-only-wms-secret"
  Shipments__Sources__wms__Secret="$WMS_SECRET" Simulators__Wms__FabricBaseUrl="http://127.0.0.1:$host_port" \
    dotnet "$REPO_ROOT/src/RetailFunctions.Simulators/bin/Release/net10.0/RetailFunctions.Simulators.dll" --urls "http://127.0.0.1:$sim_port" \
    >"$WORK/simulators.log" 2>&1 &
  FABRIC_PIDS+=("$!")
  local sim="http://127.0.0.1:$sim_port"
  env AzureWebJobsStorage="$(azurite_connection_string "$blob" "$queue" "$table")" Inventory__SeedSampleCatalogue=true \
    Channels__Shopify__WebhookSecret="$SECRET" Channels__Walmart__WebhookSecret=bench Channels__Amazon__ApiKey=bench \
    Channels__Pos__WebhookSecret=bench Shipments__Sources__wms__Secret="$WMS_SECRET" Inventory__AdjustmentsSecret=bench \
    Catalog__ChangesSecret=bench BackOffice__Erp__BaseUrl="$sim/erp" BackOffice__Wms__BaseUrl="$sim/wms" \
    Channels__Shopify__ApiBaseUrl="$sim/shopify" Channels__Amazon__ApiBaseUrl="$sim/amazon" Channels__Walmart__ApiBaseUrl="$sim/walmart" \
    Logging__LogLevel__Default=Warning \
    dotnet "$REPO_ROOT/src/RetailFunctions.LocalHost/bin/Release/net10.0/RetailFunctions.LocalHost.dll" \
    --app "$REPO_ROOT/functions/RetailFunctions.Functions/bin/Release/net10.0" --port "$host_port" >"$WORK/host.log" 2>&1 &
  FABRIC_PIDS+=("$!")
  trap 'kill "${FABRIC_PIDS[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
  FABRIC_URL="http://127.0.0.1:$host_port/"
  SIMULATORS_URL="$sim/"
  for _ in $(seq 1 240); do
    curl -fs "${FABRIC_URL}api/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench: the fabric host did not become healthy; see its log:" >&2
  tail -50 "$WORK/host.log" >&2
  exit 1
}

orders() {
  local rate=50 seconds=60 ceiling=0
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --rate) rate="${2:?--rate needs a number}"; shift 2 ;;
      --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
      --ceiling) ceiling=1; shift ;;
      *) echo "bench orders: unknown argument $1" >&2; exit 2 ;;
    esac
  done

  build
  start_fabric
  # Warm-up: JIT, connection pools, the task hub's first partitions.
  bench orders "$FABRIC_URL" "$SIMULATORS_URL" 5 4 "$SECRET" >/dev/null
  run_orders() {
    echo "bench: $1 webhooks/s for $2 s" >&2
    bench orders "$FABRIC_URL" "$SIMULATORS_URL" "$1" "$2" "$SECRET" | tee -a "$WORK/orders.tsv"
  }
  : >"$WORK/orders.tsv"
  run_orders "$rate" "$seconds" >/dev/null
  if [[ $ceiling -eq 1 ]]; then
    local step=$rate
    while true; do
      step=$((step + 50))
      run_orders "$step" 20 >/dev/null
      tail -1 "$WORK/orders.tsv" | awk -F '\t' '{ exit !($5 == 0 && $7 <= 50 && $10 <= 2000 && $8 == $4) }' || break
      [[ $step -ge 400 ]] && break
    done
  fi

  awk -F '\t' '
    BEGIN { printf "%6s %6s %7s %8s %6s %9s %9s %8s %9s %9s %10s  %s\n", "rate/s", "secs", "sent", "accepted", "errors", "ack p50", "ack p99", "in ERP", "ERP p50", "ERP p95", "ERP ord/s", "targets (ack p99<=50ms, ERP p95<=2s, no errors)" }
    {
      ok = ($5 == 0 && $7 <= 50 && $10 <= 2000 && $8 == $4) ? "met" : "MISSED"
      printf "%6d %6d %7d %8d %6d %7.1fms %7.1fms %8d %7.0fms %7.0fms %10.1f  %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, ok
    }' "$WORK/orders.tsv"
}

inventory() {
  local rate=50 seconds=60 skus=1000 adjustments=10000 per_request=100
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --rate) rate="${2:?--rate needs a number}"; shift 2 ;;
      --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
      --skus) skus="${2:?--skus needs a number}"; shift 2 ;;
      --adjustments) adjustments="${2:?--adjustments needs a number}"; shift 2 ;;
      --per-request) per_request="${2:?--per-request needs a number}"; shift 2 ;;
      *) echo "bench inventory: unknown argument $1" >&2; exit 2 ;;
    esac
  done

  local repo_root="$REPO_ROOT"
  # shellcheck source=lib/azurite.sh
  source "$REPO_ROOT/scripts/lib/azurite.sh"
  ensure_node_tools
  build
  echo "bench: building the fabric host, function app and simulators (Release)" >&2
  for project in src/RetailFunctions.LocalHost functions/RetailFunctions.Functions src/RetailFunctions.Simulators; do
    if ! dotnet build "$REPO_ROOT/$project" -c Release --nologo -v quiet -clp:ErrorsOnly >>"$WORK/build.log" 2>&1; then
      cat "$WORK/build.log" >&2
      exit 1
    fi
  done

  local pids=()
  trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
  read -r blob queue table sims host <<<"$(free_ports 5)"
  start_azurite "$blob" "$queue" "$table" "$WORK/azurite" "$WORK/azurite.log"
  pids+=("$azurite_pid")
  local secret="bench-only-inventory-secret" simulators="http://127.0.0.1:$sims" fabric="http://127.0.0.1:$host"
  Shipments__Sources__wms__Secret=bench-only Simulators__Wms__AutoShip=false Logging__LogLevel__Default=Warning \
    dotnet "$REPO_ROOT/src/RetailFunctions.Simulators/bin/Release/net10.0/RetailFunctions.Simulators.dll" --urls "$simulators" >"$WORK/simulators.log" 2>&1 &
  pids+=("$!")
  AzureWebJobsStorage="$(azurite_connection_string "$blob" "$queue" "$table")" \
    Inventory__AdjustmentsSecret="$secret" Catalog__ChangesSecret=bench-only Channels__Shopify__WebhookSecret=bench-only \
    BackOffice__Erp__BaseUrl="$simulators/erp" BackOffice__Wms__BaseUrl="$simulators/wms" \
    Channels__Shopify__ApiBaseUrl="$simulators/shopify" Channels__Amazon__ApiBaseUrl="$simulators/amazon" Channels__Walmart__ApiBaseUrl="$simulators/walmart" \
    dotnet "$REPO_ROOT/src/RetailFunctions.LocalHost/bin/Release/net10.0/RetailFunctions.LocalHost.dll" \
    --app "$REPO_ROOT/functions/RetailFunctions.Functions/bin/Release/net10.0" --port "$host" >"$WORK/host.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 240); do
    if curl -fs "$fabric/api/health" >/dev/null 2>&1 && curl -fs "$simulators/_sim/counters" >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  curl -fs "$fabric/api/health" >/dev/null || { echo "bench: the fabric host did not become healthy" >&2; tail -50 "$WORK/host.log" >&2; exit 1; }

  echo "bench: (a) steady $rate changes/s for $seconds s" >&2
  bench inventory steady "$fabric/" "$simulators/" "$secret" "$rate" "$seconds" >"$WORK/steady.tsv"
  echo "bench: (b) burst of $adjustments adjustments over $skus SKUs, $per_request per request" >&2
  bench inventory burst "$fabric/" "$simulators/" "$secret" "$skus" "$adjustments" "$per_request" >"$WORK/burst.tsv"

  awk -F '\t' '
    BEGIN { printf "(a) steady: change -> channel confirmed lag, seconds\n%-8s %8s %10s %8s %8s %8s %8s\n", "channel", "changes", "confirmed", "p50", "p95", "p99", "max" }
    $1 == "steady" { printf "%-8s %8d %10d %8s %8s %8s %8s\n", $2, $3, $4, $5, $6, $7, $8 }
    $1 == "steady-calls" && $4 > 0 { calls = calls sprintf("  %s %s: %d calls, %d throttled, %d faulted\n", $2, $3, $4, $5, $6) }
    END { printf "channel API calls:\n%s", calls }' "$WORK/steady.tsv"
  echo
  awk -F '\t' '
    BEGIN { printf "(b) burst: seconds from the first post until the channel holds every value\n%-8s %12s %6s %12s %14s\n", "channel", "adjustments", "skus", "posted in", "converged in" }
    $1 == "burst" { printf "%-8s %12d %6d %12s %14s\n", $2, $3, $4, $5, $6 }
    $1 == "burst-calls" && $4 > 0 { calls = calls sprintf("  %s %s: %d calls, %d throttled, %d faulted\n", $2, $3, $4, $5, $6) }
    END { printf "channel API calls:\n%s", calls }' "$WORK/burst.tsv"
}

case "${1:-}" in
  settlements) shift; settlements "$@" ;;
  orders) shift; orders "$@" ;;
  inventory) shift; inventory "$@" ;;
  -h | --help | "") usage ;;
  *) echo "bench: unknown subcommand $1 (try --help)" >&2; exit 2 ;;
esac
