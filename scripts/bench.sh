#!/usr/bin/env bash
# Benchmarks, one subcommand per area; each prints a small table. Console measurements, not tests: run them on a quiet machine.
# Usage: scripts/bench.sh settlements [--lines N] [--repeat N] [--orders N]
#   settlements  Amazon V2 settlement file of N lines (default 1,000,000): parse-and-map lines/s and peak memory of the
#                Sep parser against a straightforward CsvHelper parser; targets >= 500,000 lines/s, >= 3x, < 150 MiB.
#                Then reconcile: parse, reconcile against a ledger of --orders orders (default 300,000), build the journal; target <= 20 s.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="$REPO_ROOT/benchmarks/RetailFunctions.Benchmarks/RetailFunctions.Benchmarks.csproj"
BENCH_DLL="$REPO_ROOT/benchmarks/RetailFunctions.Benchmarks/bin/Release/net10.0/RetailFunctions.Benchmarks.dll"

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; }

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

case "${1:-}" in
  settlements) shift; settlements "$@" ;;
  -h | --help | "") usage ;;
  *) echo "bench: unknown subcommand $1 (try --help)" >&2; exit 2 ;;
esac
