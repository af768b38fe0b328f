#!/usr/bin/env bash
# Benchmarks. With no argument: runs every benchmark, prints one table and records it in docs/benchmarks.md with the
# machine it ran on (about 8 minutes on 2 cores; shorten with the BENCH_* variables below). Console measurements, not
# tests: run them on a quiet machine.
# Usage: scripts/bench.sh                      every benchmark, one table, docs/benchmarks.md
#        scripts/bench.sh settlements [--lines N] [--repeat N] [--orders N]
#        scripts/bench.sh webhooks [--seconds N] [--concurrency N]
#        scripts/bench.sh orders [--rate 50] [--seconds 60] [--ceiling]
#        scripts/bench.sh inventory [--rate N] [--seconds N] [--skus N] [--adjustments N] [--per-request N]
#   settlements  Amazon V2 settlement file of N lines (default 1,000,000): parse-and-map lines/s and peak memory of the
#                Sep parser against a straightforward CsvHelper parser; targets >= 500,000 lines/s, >= 3x, < 150 MiB.
#                Then reconcile: parse, reconcile against a ledger of --orders orders (default 300,000), build the journal; target <= 20 s.
#   webhooks     webhook acknowledgement: N closed-loop senders (default 16) post signed Shopify orders for N s (default
#                20) to the fabric's gate and, in the same run, to a bare ASP.NET Core endpoint that only reads the body
#                and checks the HMAC; throughput, p50/p99 and peak working set of each, and the fabric/bare ratio.
#   orders       signed Shopify webhooks at a fixed rate through the local fabric host (private Azurite, simulators):
#                ack p50/p99, webhook -> ERP sales order p50/p95, throughput, CPU per order of each Azurite and the
#                host; --ceiling then climbs a ladder of rates above --rate (1 2 3 4 5 6 8 10 12 15 20 ...), --seconds
#                each, until a target fails (e.g. orders --rate 2 --seconds 60 --ceiling; at 20 samples p99 is the
#                slowest answer). The task hub runs on its own
#                Azurite, as run-local.sh runs it (BENCH_SHARED_AZURITE=1: one Azurite for both); each Azurite runs as
#                three processes, tables in memory and blobs and queues on tmpfs (BENCH_AZURITE=disk: one process with
#                data folders, as run-local.sh runs it; BENCH_AZURITE=memory: one process in memory; the one-process
#                layouts stall every 5 s and every minute, see start_azurite_split); AZURITE_DEBUG=1 counts the run's
#                Azurite requests by operation and resource (per order; the debug log slows Azurite down, so use it at a
#                low rate). The ERP has a stated capacity, printed with the results: BENCH_ERP_REQUESTS_PER_SECOND
#                (default 200) for the simulated ERP and the fabric's Erp:Throttling alike, instead of the 10 requests/s
#                production default; Shopify's GraphQL budget likewise (BENCH_SHOPIFY_CALLS_PER_SECOND, default 100).
#   inventory    Through the local fabric host, Azurite and the simulators (their default rate limits, the real
#                channels'): (a) steady N changes/s for N s (default 50 for 60) -> change-to-channel lag p50/p95/p99 per
#                channel, and apart for low-stock values and per operation (Amazon patch vs feed); (b) on a fresh fabric,
#                a burst of N adjustments (default 10,000, 100 per request) over N SKUs (default 1,000) -> time until
#                every channel holds every value, and channel API calls. Targets: steady p99 <= 2 s (Shopify, Amazon
#                patch), burst <= 30 s.
# Environment variables override the defaults (the no-argument run uses 2 repeats and 30 s for orders and inventory):
#   BENCH_ACK_LOG=<file>: orders writes each acknowledgement's send time and latency there (to look for periodic stalls)
#   BENCH_SETTLEMENT_LINES BENCH_SETTLEMENT_REPEAT BENCH_RECONCILE_ORDERS
#   BENCH_WEBHOOK_SECONDS BENCH_WEBHOOK_CONCURRENCY BENCH_ORDERS_RATE BENCH_ORDERS_SECONDS BENCH_INVENTORY_RATE
#   BENCH_INVENTORY_SECONDS BENCH_BURST_SKUS BENCH_BURST_ADJUSTMENTS; BENCH_DOC=0 skips writing docs/benchmarks.md,
#   BENCH_NOTE adds a note to it (e.g. "smoke run on a shared machine").
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="$REPO_ROOT/benchmarks/RetailFunctions.Benchmarks/RetailFunctions.Benchmarks.csproj"
BENCH_DLL="$REPO_ROOT/benchmarks/RetailFunctions.Benchmarks/bin/Release/net10.0/RetailFunctions.Benchmarks.dll"

usage() { sed -n '2,/^set -euo pipefail/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

# record <key> <value>: one figure for the no-argument run's table (BENCH_RESULTS is set by it).
record() { if [[ -n "${BENCH_RESULTS:-}" ]]; then printf '%s\t%s\n' "$1" "$2" >>"$BENCH_RESULTS"; fi; }

# peak_mib <pid>: the process's peak working set (VmHWM) so far, in MiB.
peak_mib() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

build() {
  [[ -n "${BENCH_BUILT:-}" ]] && return 0
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
  local lines=${BENCH_SETTLEMENT_LINES:-1000000} repeat=${BENCH_SETTLEMENT_REPEAT:-3} orders=${BENCH_RECONCILE_ORDERS:-300000}
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

  # Each run prints: parser, lines, seconds, lines/s, peak working set MiB, MiB allocated per run, balance check, CPU s.
  {
    bench settlements run sep "$WORK/settlement.txt" "$repeat"
    bench settlements run csvhelper "$WORK/settlement.txt" "$repeat"
  } >"$WORK/results.tsv"

  awk -F '\t' '
    { parser[NR] = $1; lines[NR] = $2; secs[NR] = $3; rate[NR] = $4; peak[NR] = $5; alloc[NR] = $6; check[NR] = $7; cpu[NR] = $8 }
    END {
      printf "%-10s %10s %8s %12s %10s %14s %8s  %s\n", "parser", "lines", "seconds", "lines/s", "peak MiB", "alloc MiB/run", "CPU s", "total"
      for (i = 1; i <= NR; i++)
        printf "%-10s %10d %8.3f %12d %10.1f %14d %8.3f  %s\n", parser[i], lines[i], secs[i], rate[i], peak[i], alloc[i], cpu[i], check[i]
      ratio = rate[1] / rate[2]
      printf "\nsep vs csvhelper: %.2fx (CPU time: %.2fx; on a busy machine the CPU ratio is the steadier one)\n", ratio, (cpu[1] > 0 ? cpu[2] / cpu[1] : 0)
      printf "target lines/s >= 500000 : %s\n", ((rate[1] >= 500000) ? "met" : "MISSED")
      printf "target ratio   >= 3x     : %s\n", ((ratio >= 3) ? "met" : "MISSED")
      printf "target peak    <  150 MiB: %s\n", ((peak[1] < 150) ? "met" : "MISSED")
    }' "$WORK/results.tsv"
  awk -F '\t' '{ print "settlements_" $1 "_rate\t" $4; print "settlements_" $1 "_peak\t" $5 }' "$WORK/results.tsv" | while IFS=$'\t' read -r key value; do record "$key" "$value"; done

  echo "bench: reconciling against a ledger of $orders orders" >&2
  bench settlements reconcile "$WORK/settlement.txt" "$orders" >"$WORK/reconcile.tsv"
  IFS=$'\t' read -r -a reconciled <"$WORK/reconcile.tsv"
  record settlements_lines "$lines"
  record reconcile_seconds "${reconciled[3]}"
  record reconcile_peak "${reconciled[4]}"
  record reconcile_orders "$orders"
  awk -F '\t' '
    {
      printf "\n%-10s %10s %10s %8s %10s %8s %8s %8s %8s\n", "reconcile", "lines", "ledger", "seconds", "peak MiB", "matched", "variance", "unknown", "journal"
      printf "%-10s %10d %10d %8.3f %10.1f %8d %8d %8d %8d\n", "", $1, $3, $4, $5, $6, $7, $8, $9
      printf "settled orders: %d\ntarget reconcile <= 20 s  : %s\n", $2, (($4 <= 20) ? "met" : "MISSED")
    }' "$WORK/reconcile.tsv"
}

# The fabric as run-local.sh runs it, but on free ports with a private Azurite and Release builds.
build_fabric() {
  [[ -n "${BENCH_BUILT:-}" || -n "${FABRIC_BUILT:-}" ]] && return 0
  echo "bench: building the fabric (Release)" >&2
  for project in src/RetailFunctions.LocalHost functions/RetailFunctions.Functions src/RetailFunctions.Simulators; do
    dotnet build "$REPO_ROOT/$project" -c Release --nologo -v quiet -clp:ErrorsOnly >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
  done
  FABRIC_BUILT=1
}

# start_storage <name> <blob port> <queue port> <table port>: one storage account's Azurite, laid out as BENCH_AZURITE
# says: "disk" (one process with a data folder, as run-local.sh runs it), "memory" (one process, in memory) or "split"
# (start_azurite_split: tables in memory, blobs and queues on a data folder in /dev/shm). Adds its processes to
# FABRIC_PIDS and AZURITES ("name:pid:debug log").
start_storage() {
  local name=$1 blob=$2 queue=$3 table=$4 service i
  case "${BENCH_AZURITE:-disk}" in
    split)
      [[ -n "${SHM_WORK:-}" ]] || SHM_WORK="$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)"
      start_azurite_split "$blob" "$queue" "$table" "$SHM_WORK/$name" "$WORK/$name.log"
      i=0
      for service in table blob queue; do
        FABRIC_PIDS+=("${azurite_pids[$i]}")
        AZURITES+=("$name $service:${azurite_pids[$i]}:$WORK/$name.log.$service.debug")
        i=$((i + 1))
      done
      return 0 ;;
    memory) AZURITE_IN_MEMORY=1 start_azurite "$blob" "$queue" "$table" "$WORK/$name" "$WORK/$name.log" ;;
    disk) start_azurite "$blob" "$queue" "$table" "$WORK/$name" "$WORK/$name.log" ;;
    *) echo "bench: BENCH_AZURITE must be disk, memory or split" >&2; exit 2 ;;
  esac
  FABRIC_PIDS+=("$azurite_pid")
  AZURITES+=("$name:$azurite_pid:$WORK/$name.log.debug")
}

# start_fabric [seed]: seed = the sample catalogue (SKU-1000..3999 in stock), which orders need; inventory runs without
# it, so that its start-up fan-out does not compete with the measured changes for the channels' rate limits.
start_fabric() {
  local seed=false
  [[ "${1:-}" == seed ]] && seed=true
  source "$REPO_ROOT/scripts/lib/azurite.sh"
  local repo_root="$REPO_ROOT"
  ensure_node_tools
  build_fabric
  read -r blob queue table hub_blob hub_queue hub_table sim_port host_port < <(free_ports 8)
  FABRIC_PIDS=()
  AZURITES=()
  start_storage app "$blob" "$queue" "$table"
  local storage hub_storage
  storage="$(azurite_connection_string "$blob" "$queue" "$table")"
  hub_storage="$storage"
  # The task hub on its own Azurite, as run-local.sh runs it: each Azurite is one single-threaded Node.js process.
  if [[ "${BENCH_SHARED_AZURITE:-0}" != 1 ]]; then
    start_storage taskhub "$hub_blob" "$hub_queue" "$hub_table"
    hub_storage="$(azurite_connection_string "$hub_blob" "$hub_queue" "$hub_table")"
  fi
  SECRET="bench-only-shopify-secret"
  WMS_SECRET="bench-only-wms-secret"
  INVENTORY_SECRET="bench-only-inventory-secret"
  Shipments__Sources__wms__Secret="$WMS_SECRET" Simulators__Wms__FabricBaseUrl="http://127.0.0.1:$host_port" \
    Simulators__Wms__AutoShip="$seed" Logging__LogLevel__Default=Warning \
    dotnet "$REPO_ROOT/src/RetailFunctions.Simulators/bin/Release/net10.0/RetailFunctions.Simulators.dll" --urls "http://127.0.0.1:$sim_port" \
    >"$WORK/simulators.log" 2>&1 &
  FABRIC_PIDS+=("$!")
  local sim="http://127.0.0.1:$sim_port"
  # One host is one worker: one task hub partition (BENCH_PARTITIONS to compare; host.json has 4 for Azure's scale-out).
  env AzureWebJobsStorage="$storage" DurableTaskStorage="$hub_storage" LocalHost__Durable__PartitionCount="${BENCH_PARTITIONS:-1}" \
    Inventory__SeedSampleCatalogue="$seed" \
    Channels__Shopify__WebhookSecret="$SECRET" Channels__Walmart__WebhookSecret=bench Channels__Amazon__ApiKey=bench \
    Channels__Pos__WebhookSecret=bench Shipments__Sources__wms__Secret="$WMS_SECRET" Inventory__AdjustmentsSecret="$INVENTORY_SECRET" \
    Catalog__ChangesSecret=bench BackOffice__Erp__BaseUrl="$sim/erp" BackOffice__Wms__BaseUrl="$sim/wms" \
    Channels__Shopify__ApiBaseUrl="$sim/shopify" Channels__Amazon__ApiBaseUrl="$sim/amazon" Channels__Walmart__ApiBaseUrl="$sim/walmart" \
    Logging__LogLevel__Default=Warning \
    dotnet "$REPO_ROOT/src/RetailFunctions.LocalHost/bin/Release/net10.0/RetailFunctions.LocalHost.dll" \
    --app "$REPO_ROOT/functions/RetailFunctions.Functions/bin/Release/net10.0" --port "$host_port" >"$WORK/host.log" 2>&1 &
  FABRIC_HOST_PID=$!
  FABRIC_PIDS+=("$FABRIC_HOST_PID")
  trap 'kill "${FABRIC_PIDS[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK" ${SHM_WORK:+"$SHM_WORK"}' EXIT
  FABRIC_URL="http://127.0.0.1:$host_port/"
  SIMULATORS_URL="$sim/"
  for _ in $(seq 1 240); do
    curl -fs "${FABRIC_URL}api/health" >/dev/null 2>&1 && curl -fs "${SIMULATORS_URL}_sim/counters" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "bench: the fabric host did not become healthy; see its log:" >&2
  tail -50 "$WORK/host.log" >&2
  exit 1
}

# stop_fabric: stops what start_fabric started and drops its storage, so the next start_fabric begins afresh.
stop_fabric() {
  kill "${FABRIC_PIDS[@]}" 2>/dev/null || true
  wait "${FABRIC_PIDS[@]}" 2>/dev/null || true
  rm -rf "$WORK/app" "$WORK/taskhub" ${SHM_WORK:+"$SHM_WORK/app" "$SHM_WORK/taskhub"}
}

# cpu_seconds <pid>: user + system CPU time the process has used so far.
cpu_seconds() { awk -v tck="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / tck }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# azurite_cpu: "name=seconds" for each Azurite of the fabric.
azurite_cpu() {
  local entry
  for entry in "${AZURITES[@]}"; do
    IFS=: read -r name pid _ <<<"$entry"
    printf '%s=%s ' "$name" "$(cpu_seconds "$pid")"
  done
}

# cpu_report <azurite_cpu before> <host seconds before> <elapsed s> <orders>: CPU each process spent on the measured
# run (sending and draining), per order and as a share of one core. On a shared machine this is steadier than latency.
cpu_report() {
  local before=$1 host_before=$2 elapsed=$3 orders=$4 entry name pid then now
  echo "CPU over the measured run (${elapsed} s, $orders orders; 100% = one core):"
  for entry in "${AZURITES[@]}"; do
    IFS=: read -r name pid _ <<<"$entry"
    then="$(tr ' ' '\n' <<<"$before" | awk -F= -v n="$name" '$1 == n { print $2 }')"
    now="$(cpu_seconds "$pid")"
    awk -v n="azurite ($name)" -v a="$then" -v b="$now" -v e="$elapsed" -v o="$orders" \
      'BEGIN { printf "  %-18s %7.1f s  %6.1f ms/order  %5.0f%%\n", n, b - a, 1000 * (b - a) / (o > 0 ? o : 1), 100 * (b - a) / (e > 0 ? e : 1) }'
  done
  awk -v a="$host_before" -v b="$(cpu_seconds "$FABRIC_HOST_PID")" -v e="$elapsed" -v o="$orders" \
    'BEGIN { printf "  %-18s %7.1f s  %6.1f ms/order  %5.0f%%\n", "fabric host", b - a, 1000 * (b - a) / (o > 0 ? o : 1), 100 * (b - a) / (e > 0 ? e : 1) }'
}

# settle: waits (up to 3 minutes) until the app's Azurite is nearly idle. A fresh fabric seeds the sample catalogue
# (3,000 SKUs) and fans its stock out to every channel: minutes of storage work that would otherwise be measured as
# order latency.
settle() {
  local pid waited=0 before after
  IFS=: read -r _ pid _ <<<"${AZURITES[0]}"
  while [[ $waited -lt 180 ]]; do
    before="$(cpu_seconds "$pid")"
    sleep 3
    waited=$((waited + 3))
    after="$(cpu_seconds "$pid")"
    awk -v a="$before" -v b="$after" 'BEGIN { exit !((b - a) / 3 < 0.2) }' && break
  done
  echo "bench: start-up work settled after ${waited} s" >&2
}

# utc_now: the current time as Azurite's debug log writes it.
utc_now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }

# azurite_requests <orders> <from> <to>: with AZURITE_DEBUG=1, the requests Azurite handled between the two instants
# (its debug log's timestamps; the log is written behind the requests, so wait until it has passed <to>), per
# Azurite, operation and resource (queue, table or container; the task hub's control queues counted together).
azurite_requests() {
  [[ -n "${AZURITE_DEBUG:-}" ]] || return 0
  local orders=$1 from=$2 to=$3 entry name log
  for entry in "${AZURITES[@]}"; do
    IFS=: read -r name _ log <<<"$entry"
    for _ in $(seq 1 120); do
      [[ "$(tail -1 "$log" | cut -d ' ' -f 1)" > "$to" ]] && break
      sleep 1
    done
    awk -v from="$from" -v to="$to" '$1 >= from && $1 <= to' "$log" | awk -v azurite="$name" -v orders="$orders" '
      /StorageContextMiddleware: RequestMethod=/ {
        match($0, /RequestURL=[^ ]*/); url = substr($0, RSTART + 11, RLENGTH - 11)
        sub(/^https?:\/\/[^\/]*\/[^\/]*\/?/, "", url); sub(/[?(\/].*/, "", url); sub(/-control-[0-9]+$/, "-control-*", url)
        resource[$2] = (url == "" ? "(account)" : url)
      }
      /DispatchMiddleware: Operation=/ { match($0, /Operation=[^ ]*/); count[substr($0, RSTART + 10, RLENGTH - 10) " " resource[$2]]++; total++ }
      END {
        printf "Azurite requests (%s): %d, %.1f per order\n", azurite, total, total / (orders > 0 ? orders : 1)
        for (k in count) printf "  %7d %7.1f/order  %s\n", count[k], count[k] / (orders > 0 ? orders : 1), k | "sort -rn"
        close("sort -rn")
      }'
  done
}

orders() {
  local rate=${BENCH_ORDERS_RATE:-50} seconds=${BENCH_ORDERS_SECONDS:-60} ceiling=0
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --rate) rate="${2:?--rate needs a number}"; shift 2 ;;
      --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
      --ceiling) ceiling=1; shift ;;
      *) echo "bench orders: unknown argument $1" >&2; exit 2 ;;
    esac
  done

  # An ERP of known capacity, well above the offered load: the fabric's own ERP protection (Erp:Throttling, 10
  # requests/s by default, two calls per order) would otherwise cap the run at 5 orders/s whatever the fabric can do.
  local erp_rps=${BENCH_ERP_REQUESTS_PER_SECOND:-200} operation
  local -x Erp__Throttling__RequestsPerSecond="$erp_rps" Erp__Throttling__Burst="$erp_rps" Erp__Throttling__MaxConcurrency=32
  for operation in createSalesOrder postInvoice cancelSalesOrder; do
    local -x "Simulators__RateLimits__erp__${operation}__RatePerSecond=$erp_rps" "Simulators__RateLimits__erp__${operation}__Burst=$erp_rps"
  done
  echo "ERP capacity: $erp_rps requests/s (fabric Erp:Throttling for all its ERP calls, 32 in flight; simulated ERP $erp_rps/s per operation): at most $((erp_rps / 2)) orders/s at 2 calls each" >"$WORK/erp.txt"
  # Shopify likewise: the simulator's default GraphQL budget (2 calls/s, a standard plan's 100 points/s) would throttle
  # the orders' acknowledgement and tracking calls from 2 orders/s on. A Plus plan's 1,000 points/s is ~100 calls/s.
  local shopify_cps=${BENCH_SHOPIFY_CALLS_PER_SECOND:-100}
  local -x Simulators__RateLimits__shopify__graphql__RatePerSecond="$shopify_cps" Simulators__RateLimits__shopify__graphql__Burst="$((shopify_cps * 10))"
  echo "Shopify capacity: $shopify_cps GraphQL calls/s (BENCH_SHOPIFY_CALLS_PER_SECOND; a Plus plan's budget)" >>"$WORK/erp.txt"
  # Azurite split unless BENCH_AZURITE says otherwise (start_azurite_split): both single-process layouts stall the
  # emulator, not the fabric, and those stalls set the acknowledgement's p99. With a data folder LokiJS serialises the
  # whole table database every 5 s (100-280 ms once the sample catalogue is seeded); in memory, the queue service's
  # minutely clean-up deletes every message's extent one by one (1.1 s on the app's Azurite and 7.5 s on the task
  # hub's at 5 orders/s). docs/benchmarks.md, "Orders: session 5".
  local -x BENCH_AZURITE=${BENCH_AZURITE:-split}
  [[ "${BENCH_AZURITE_DISK:-0}" == 1 ]] && BENCH_AZURITE=disk
  case $BENCH_AZURITE in
    split) echo "Azurite: each account as three processes, tables in memory, blobs and queues on tmpfs (BENCH_AZURITE=disk|memory for one process)" >>"$WORK/erp.txt" ;;
    *) echo "Azurite: one process per account, BENCH_AZURITE=$BENCH_AZURITE" >>"$WORK/erp.txt" ;;
  esac

  build
  start_fabric seed
  # Warm-up: JIT, connection pools, the task hub's first partitions.
  bench orders "$FABRIC_URL" "$SIMULATORS_URL" 5 4 "$SECRET" >/dev/null
  settle
  run_orders() {
    echo "bench: $1 webhooks/s for $2 s" >&2
    echo "$1 webhooks/s: load average $(cut -d ' ' -f 1-3 /proc/loadavg) at the start" >>"$WORK/load.txt"
    bench orders "$FABRIC_URL" "$SIMULATORS_URL" "$1" "$2" "$SECRET" | tee -a "$WORK/orders.tsv"
  }
  : >"$WORK/orders.tsv"
  local cpu_before host_before started=$SECONDS from to
  cpu_before="$(azurite_cpu)"
  host_before="$(cpu_seconds "$FABRIC_HOST_PID")"
  from="$(utc_now)"
  run_orders "$rate" "$seconds" >/dev/null
  to="$(utc_now)"
  local elapsed=$((SECONDS - started)) accepted
  accepted="$(awk -F '\t' '{ print $4 }' "$WORK/orders.tsv")"
  cpu_report "$cpu_before" "$host_before" "$elapsed" "$accepted" >"$WORK/cpu.txt"
  azurite_requests "$accepted" "$from" "$to" >"$WORK/requests.txt"
  if [[ $ceiling -eq 1 ]]; then
    # Up a ladder of rates above --rate, as long each, while every target is met: the last rate met is the ceiling.
    local step
    for step in 1 2 3 4 5 6 8 10 12 15 20 25 30 40 50 75 100 150 200 300 400; do
      [[ $step -le ${rate%.*} ]] && continue
      tail -1 "$WORK/orders.tsv" | awk -F '\t' '{ exit !($5 == 0 && $7 <= 50 && $10 <= 2000 && $8 == $4) }' || break
      run_orders "$step" "$seconds" >/dev/null
    done
    awk -F '\t' '$5 == 0 && $7 <= 50 && $10 <= 2000 && $8 == $4 { ceiling = $1 } END { print "ceiling: " (ceiling == "" ? "none (no rate met the targets)" : ceiling " webhooks/s (highest rate meeting every target)") }' "$WORK/orders.tsv" >"$WORK/ceiling.txt"
  fi

  awk -F '\t' '
    BEGIN { printf "%6s %6s %7s %8s %6s %9s %9s %8s %9s %9s %10s  %s\n", "rate/s", "secs", "sent", "accepted", "errors", "ack p50", "ack p99", "in ERP", "ERP p50", "ERP p95", "ERP ord/s", "targets (ack p99<=50ms, ERP p95<=2s, no errors)" }
    {
      ok = ($5 == 0 && $7 <= 50 && $10 <= 2000 && $8 == $4) ? "met" : "MISSED"
      printf "%6d %6d %7d %8d %6d %7.1fms %7.1fms %8d %7.0fms %7.0fms %10.1f  %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, ok
    }' "$WORK/orders.tsv"
  echo "load average $(cut -d ' ' -f 1-3 /proc/loadavg) at the end" >>"$WORK/load.txt"
  cat "$WORK/erp.txt" "$WORK/load.txt" "$WORK/cpu.txt" "$WORK/requests.txt" "$WORK/ceiling.txt" 2>/dev/null || true
  IFS=$'\t' read -r -a first <"$WORK/orders.tsv"
  record orders_rate "${first[0]}"
  record orders_sent "${first[2]}"
  record orders_in_erp "${first[7]}"
  record orders_erp_p95 "${first[9]}"
  record orders_peak "$(peak_mib "$FABRIC_HOST_PID")"
}

inventory() {
  local rate=${BENCH_INVENTORY_RATE:-50} seconds=${BENCH_INVENTORY_SECONDS:-60} skus=${BENCH_BURST_SKUS:-1000}
  local adjustments=${BENCH_BURST_ADJUSTMENTS:-10000} per_request=100
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

  build
  start_fabric
  local secret="$INVENTORY_SECRET" simulators="${SIMULATORS_URL%/}" fabric="${FABRIC_URL%/}"

  echo "bench: (a) steady $rate changes/s for $seconds s" >&2
  bench inventory steady "$fabric/" "$simulators/" "$secret" "$rate" "$seconds" >"$WORK/steady.tsv"
  local steady_peak
  steady_peak="$(peak_mib "$FABRIC_HOST_PID")"
  # Each scenario starts from a fresh fabric with the channels' limits unspent (feeds are scarce: Amazon 15, then one
  # per two minutes; Walmart 10 an hour), as the targets are per scenario.
  stop_fabric
  start_fabric
  secret="$INVENTORY_SECRET" simulators="${SIMULATORS_URL%/}" fabric="${FABRIC_URL%/}"
  echo "bench: (b) burst of $adjustments adjustments over $skus SKUs, $per_request per request" >&2
  bench inventory burst "$fabric/" "$simulators/" "$secret" "$skus" "$adjustments" "$per_request" >"$WORK/burst.tsv"

  awk -F '\t' '
    BEGIN { printf "(a) steady: change -> channel confirmed lag, seconds\n%-8s %8s %10s %8s %8s %8s %8s\n", "channel", "changes", "confirmed", "p50", "p95", "p99", "max" }
    $1 == "steady" { printf "%-8s %8d %10d %8s %8s %8s %8s\n", $2, $3, $4, $5, $6, $7, $8 }
    $1 == "steady-by" { by = by sprintf("  %-8s %-32s %6d values  p50 %7s  p99 %7s\n", $2, $3, $4, $5, $6) }
    $1 == "steady-calls" && $4 > 0 { calls = calls sprintf("  %s %s: %d calls, %d throttled, %d faulted\n", $2, $3, $4, $5, $6) }
    END { printf "lag by kind of value and by the operation that set it, seconds:\n%schannel API calls:\n%s", by, calls }' "$WORK/steady.tsv"
  echo
  awk -F '\t' '
    BEGIN { printf "(b) burst: seconds from the first post until the channel holds every value\n%-8s %12s %6s %12s %14s\n", "channel", "adjustments", "skus", "posted in", "converged in" }
    $1 == "burst" { printf "%-8s %12d %6d %12s %14s\n", $2, $3, $4, $5, $6 }
    $1 == "burst-calls" && $4 > 0 { calls = calls sprintf("  %s %s: %d calls, %d throttled, %d faulted\n", $2, $3, $4, $5, $6) }
    END { printf "channel API calls:\n%s", calls }' "$WORK/burst.tsv"
  awk -F '\t' '$1 == "steady" && $7 > p99 { p99 = $7 } END { print p99 }' "$WORK/steady.tsv" | while read -r value; do record inventory_lag_p99 "$value"; done
  awk -F '\t' '$1 == "burst" { if ($6 == "not converged") slow = "not converged"; else if (slow != "not converged" && $6 > slow) slow = $6 } END { print slow }' "$WORK/burst.tsv" |
    while read -r value; do record inventory_burst_seconds "$value"; done
  record inventory_rate "$rate"
  record inventory_adjustments "$adjustments"
  record inventory_skus "$skus"
  record inventory_peak "$(printf '%s\n%s\n' "$steady_peak" "$(peak_mib "$FABRIC_HOST_PID")" | sort -n | tail -1)"
}

webhooks() {
  local seconds=${BENCH_WEBHOOK_SECONDS:-20} concurrency=${BENCH_WEBHOOK_CONCURRENCY:-16}
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
      --concurrency) concurrency="${2:?--concurrency needs a number}"; shift 2 ;;
      *) echo "bench webhooks: unknown argument $1" >&2; exit 2 ;;
    esac
  done

  build
  start_fabric seed
  local bare_port
  bare_port="$(free_ports 1)"
  # Server GC like the fabric host (an ASP.NET Core app), so the two differ only in what they do per request.
  DOTNET_gcServer=1 dotnet "$BENCH_DLL" webhooks bare-server "$bare_port" "$SECRET" >"$WORK/bare.log" 2>&1 &
  local bare_pid=$!
  FABRIC_PIDS+=("$bare_pid")
  for _ in $(seq 1 100); do port_open "$bare_port" && break; sleep 0.2; done
  echo "bench: $concurrency senders for $seconds s against the bare endpoint, then the fabric's gate" >&2
  {
    bench webhooks load bare "http://127.0.0.1:$bare_port/bare/webhooks/shopify" "$SECRET" "$concurrency" "$seconds"
    bench webhooks load fabric "${FABRIC_URL}api/webhooks/shopify" "$SECRET" "$concurrency" "$seconds"
  } >"$WORK/webhooks.tsv"
  local bare_peak fabric_peak
  bare_peak="$(peak_mib "$bare_pid")"
  fabric_peak="$(peak_mib "$FABRIC_HOST_PID")"

  awk -F '\t' -v bare_peak="$bare_peak" -v fabric_peak="$fabric_peak" -v c="$concurrency" '
    { label[NR] = $1; n[NR] = $2; err[NR] = $3; rps[NR] = $4; p50[NR] = $5; p99[NR] = $6 }
    END {
      printf "%-8s %9s %7s %10s %9s %9s %9s   (%d closed-loop senders)\n", "endpoint", "requests", "errors", "req/s", "p50", "p99", "peak MiB", c
      for (i = 1; i <= NR; i++)
        printf "%-8s %9d %7d %10.1f %7.2fms %7.2fms %9s\n", label[i], n[i], err[i], rps[i], p50[i], p99[i], (label[i] == "bare" ? bare_peak : fabric_peak)
      printf "\nfabric / bare: throughput %.3gx, p99 %.3gx\n", rps[2] / rps[1], p99[2] / p99[1]
    }' "$WORK/webhooks.tsv"
  while IFS=$'\t' read -r label requests errors rps p50 p99; do
    record "webhooks_${label}_rps" "$rps"
    record "webhooks_${label}_p99" "$p99"
    record "webhooks_${label}_errors" "$errors"
  done <"$WORK/webhooks.tsv"
  record webhooks_bare_peak "$bare_peak"
  record webhooks_fabric_peak "$fabric_peak"
  record webhooks_concurrency "$concurrency"
}

# Every benchmark, each in its own bash (its own fabric, stopped before the next starts), then one table.
all() {
  export BENCH_RESULTS="$WORK/all.tsv"
  : >"$BENCH_RESULTS"
  local started=$SECONDS load
  load="$(cut -d ' ' -f 1-3 /proc/loadavg)"
  build
  build_fabric
  export BENCH_BUILT=1
  export BENCH_SETTLEMENT_REPEAT="${BENCH_SETTLEMENT_REPEAT:-2}" BENCH_ORDERS_SECONDS="${BENCH_ORDERS_SECONDS:-30}"
  export BENCH_INVENTORY_SECONDS="${BENCH_INVENTORY_SECONDS:-30}"
  for benchmark in settlements webhooks orders inventory; do
    echo "bench: === $benchmark ===" >&2
    bash "$0" "$benchmark" >&2 || echo "bench: $benchmark failed; its figures are missing from the table" >&2
  done
  local table
  table="$(summary "$BENCH_RESULTS")"
  echo
  echo "$table"
  if [[ "${BENCH_DOC:-1}" != 0 ]]; then
    write_doc "$table" $((SECONDS - started)) "$load"
    echo "bench: recorded in docs/benchmarks.md" >&2
  fi
}

# summary <results.tsv>: the one table of the no-argument run, as Markdown.
summary() {
  awk -F '\t' '
    { v[$1] = $2 }
    function ratio(a, b) { return (a > 0 && b > 0) ? sprintf("%.3gx", a / b) : "n/a" }
    END {
      print "| Benchmark | Figure | Measured | Baseline | Ratio | Peak working set |"
      print "| --- | --- | ---: | ---: | ---: | --- |"
      printf "| Webhook acknowledgement (%s closed-loop senders) | throughput, req/s | %s | bare endpoint %s | %s | fabric host %s MiB, bare %s MiB |\n", v["webhooks_concurrency"], v["webhooks_fabric_rps"], v["webhooks_bare_rps"], ratio(v["webhooks_fabric_rps"], v["webhooks_bare_rps"]), v["webhooks_fabric_peak"], v["webhooks_bare_peak"]
      printf "| | p99, ms | %s | bare endpoint %s | %s | |\n", v["webhooks_fabric_p99"], v["webhooks_bare_p99"], ratio(v["webhooks_fabric_p99"], v["webhooks_bare_p99"])
      printf "| Webhook -> ERP sales order (%s webhooks/s) | p95, ms | %s | target 2000 | | fabric host %s MiB |\n", v["orders_rate"], v["orders_erp_p95"], v["orders_peak"]
      printf "| Inventory sync lag (%s changes/s) | p99 change -> channel confirmed, s (worst channel) | %s | target 2 | | fabric host %s MiB |\n", v["inventory_rate"], v["inventory_lag_p99"], v["inventory_peak"]
      printf "| Inventory burst (%s adjustments over %s SKUs) | every channel converged, s (worst channel) | %s | target 30 | | (same host) |\n", v["inventory_adjustments"], v["inventory_skus"], v["inventory_burst_seconds"]
      printf "| Settlement parse (Amazon V2, %s lines) | lines/s | %s | CsvHelper %s | %s | Sep %s MiB, CsvHelper %s MiB |\n", v["settlements_lines"], v["settlements_sep_rate"], v["settlements_csvhelper_rate"], ratio(v["settlements_sep_rate"], v["settlements_csvhelper_rate"]), v["settlements_sep_peak"], v["settlements_csvhelper_peak"]
      printf "| Settlement reconcile (ledger of %s orders) | parse + reconcile + journal, s | %s | target 20 | | %s MiB |\n", v["reconcile_orders"], v["reconcile_seconds"], v["reconcile_peak"]
    }' "$1"
}

write_doc() {
  local table=$1 elapsed=$2 load=$3 os dotnet_version memory cpu
  os="$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || uname -s) ($(uname -r))"
  dotnet_version="$(dotnet --version)"
  memory="$(free -h | awk '/^Mem:/ { print $2 }')"
  cpu="$(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  mkdir -p "$REPO_ROOT/docs"
  # Sections written by hand below the generated part (each starts with "## ") are kept.
  local notes=""
  [[ -f "$REPO_ROOT/docs/benchmarks.md" ]] && notes="$(awk '/^## /{keep=1} keep' "$REPO_ROOT/docs/benchmarks.md")"
  cat >"$REPO_ROOT/docs/benchmarks.md" <<DOC
# Benchmarks

Produced by \`scripts/bench.sh\` (no argument) on $(date -u +%Y-%m-%d) in $((elapsed / 60)) min $((elapsed % 60)) s.
${BENCH_NOTE:+
**${BENCH_NOTE}**
}
Machine: $(nproc) cores (${cpu:-unknown CPU}), $memory memory, $os, .NET SDK $dotnet_version; load average
$load when the run started.

$table

How each figure is measured (all on loopback, with a private Azurite and the simulators; see \`scripts/bench.sh --help\`):

- **Webhook acknowledgement**: closed-loop senders post signed Shopify \`orders/create\` deliveries (new order and
  event id each time) for ${BENCH_WEBHOOK_SECONDS:-20} s after a 3 s warm-up, first to a bare ASP.NET Core endpoint that only
  reads the body and checks the HMAC, then to the fabric's gate (size, content type, HMAC, parse, dedupe row, raw-body
  blob, queue message). The ratio is the price of the gate's guarantees; the fabric host also ingests the accepted
  orders in the background, as it would in production.
- **Webhook -> ERP**: signed webhooks at a fixed rate; time from sending to the simulated ERP receiving the sales order.
- **Inventory sync lag**: one new SKU count per change at a fixed rate; time from posting to each channel simulator
  holding the value, under the simulators' rate limits. **Burst**: time until every channel holds every value.
- **Settlements**: parse-and-map of a generated Amazon V2 file, best of ${BENCH_SETTLEMENT_REPEAT:-2} runs, each parser in
  its own process (its peak working set is its own); reconcile = parse, reconcile against the ledger, build the journal.
- Peak working set = the process's VmHWM: the fabric host for the fabric figures, the bare endpoint's own process.
DOC
  if [[ -n "$notes" ]]; then printf '\n%s\n' "$notes" >>"$REPO_ROOT/docs/benchmarks.md"; fi
}

case "${1:-}" in
  settlements) shift; settlements "$@" ;;
  webhooks) shift; webhooks "$@" ;;
  orders) shift; orders "$@" ;;
  inventory) shift; inventory "$@" ;;
  "") all ;;
  -h | --help) usage ;;
  *) echo "bench: unknown subcommand $1 (try --help)" >&2; exit 2 ;;
esac
