#!/usr/bin/env bash
# Builds and lints every Bicep file under infra/ with a pinned Bicep CLI; any error or warning fails.
# The CLI comes from the NuGet package Azure.Bicep.CommandLine.<rid> and is kept in .tools/bicep/ (git-ignored).
# Usage: scripts/bicep-check.sh [--out DIR]   (--out keeps the compiled ARM JSON, e.g. for tests that inspect it)
set -euo pipefail

KEEP_DIR=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) KEEP_DIR="${2:?--out needs a directory}"; shift 2 ;;
    -h | --help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "bicep-check: unknown argument $1" >&2; exit 2 ;;
  esac
done

BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INFRA_DIR="$REPO_ROOT/infra"
TOOLS_DIR="$REPO_ROOT/.tools/bicep"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) RID=linux-x64 ;;
  Linux-aarch64 | Linux-arm64) RID=linux-arm64 ;;
  Darwin-x86_64) RID=osx-x64 ;;
  Darwin-arm64) RID=osx-arm64 ;;
  *) echo "bicep-check: unsupported platform $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

PACKAGE_ID="Azure.Bicep.CommandLine.$RID"
PACKAGES_DIR="$TOOLS_DIR/packages"
BICEP="$PACKAGES_DIR/$(tr '[:upper:]' '[:lower:]' <<<"$PACKAGE_ID")/$BICEP_VERSION/tools/bicep"

install_bicep() (
  # A throwaway project outside the repo, so the repo's Directory.*.props and central package management stay out of it.
  project_dir="$(mktemp -d)"
  trap 'rm -rf "$project_dir"' EXIT
  cat >"$project_dir/bicep-download.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$PACKAGE_ID" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
PROJ
  echo "bicep-check: installing $PACKAGE_ID $BICEP_VERSION into ${PACKAGES_DIR#"$REPO_ROOT"/}" >&2
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
    dotnet restore "$project_dir/bicep-download.csproj" --packages "$PACKAGES_DIR" --verbosity quiet >&2
)

mkdir -p "$TOOLS_DIR"
if [[ ! -x "$BICEP" ]]; then
  # Parallel callers (test scripts) must not restore into the same folder at once.
  exec 9>"$TOOLS_DIR/.install.lock"
  flock 9
  if [[ ! -f "$BICEP" ]]; then
    install_bicep
  fi
  if [[ ! -f "$BICEP" ]]; then
    echo "bicep-check: $BICEP not found after restoring $PACKAGE_ID $BICEP_VERSION" >&2
    exit 1
  fi
  chmod +x "$BICEP"
  flock -u 9
fi

mapfile -t BICEP_FILES < <(find "$INFRA_DIR" -type f -name '*.bicep' | sort)
mapfile -t PARAM_FILES < <(find "$INFRA_DIR" -type f -name '*.bicepparam' | sort)
if [[ ${#BICEP_FILES[@]} -eq 0 ]]; then
  echo "bicep-check: no .bicep files under infra/" >&2
  exit 1
fi

OUT_DIR="$(mktemp -d)"
trap 'rm -rf "$OUT_DIR"' EXIT
LOG="$OUT_DIR/diagnostics.log"
pids=()
jobs_run=0

# Each CLI call runs in the background with its own log; diagnostics look like "<file>(line,col) : <Level> <code>: <message>".
start() {
  jobs_run=$((jobs_run + 1))
  (cd "$INFRA_DIR" && "$@") >"$OUT_DIR/job-$jobs_run.log" 2>&1 &
  pids+=("$!")
}

# One process per command over all files: the CLI's start-up dominates the run time.
start "$BICEP" build --pattern '**/*.bicep' --outdir "$OUT_DIR/build"
start "$BICEP" lint --pattern '**/*.bicep'

# Parameter files read secrets from the environment at build time (readEnvironmentVariable without a default):
# placeholders prove names and types only.
for file in "${PARAM_FILES[@]}"; do
  relative="${file#"$INFRA_DIR"/}"
  placeholders=()
  while IFS= read -r name; do
    placeholders+=("$name=bicep-check-placeholder")
  done < <(grep -o "readEnvironmentVariable('[A-Za-z0-9_]*')" "$file" | sed "s/readEnvironmentVariable('//; s/')$//" | sort -u)
  start env "${placeholders[@]}" "$BICEP" build-params "$relative" --outfile "$OUT_DIR/params/${relative%.bicepparam}.json"
done

failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
cat "$OUT_DIR"/job-*.log >"$LOG"

# Every parameter carries @description (house style); the linter has no rule for it.
missing_descriptions="$(awk '
  FNR == 1 { described = 0 }
  /^@(sys\.)?description\(/ { described = 1; next }
  /^(param|output|resource|module|var|type|func|metadata|targetScope|import|extension)[[:space:]]/ {
    if ($1 == "param" && !described) { printf "%s(%d) : Error description-on-params: parameter \"%s\" has no @description\n", FILENAME, FNR, $2 }
    described = 0
  }
' "${BICEP_FILES[@]}")"
if [[ -n "$missing_descriptions" ]]; then
  printf '%s\n' "$missing_descriptions" >>"$LOG"
fi

# With --pattern a module's diagnostics are reported once per file that references it: count each once.
sed "s#$REPO_ROOT/##g" "$LOG" | awk '!seen[$0]++' >"$LOG.unique"
warnings="$(grep -cE ' : Warning ' "$LOG.unique" || true)"
errors="$(grep -cE ' : Error ' "$LOG.unique" || true)"
if [[ -s "$LOG.unique" ]]; then
  cat "$LOG.unique" >&2
fi

summary="bicep $BICEP_VERSION: ${#BICEP_FILES[@]} files built and linted, ${#PARAM_FILES[@]} parameter files built, $errors errors, $warnings warnings"
if [[ $failed -ne 0 || $errors -ne 0 || $warnings -ne 0 ]]; then
  echo "$summary" >&2
  exit 1
fi
if [[ -n "$KEEP_DIR" ]]; then
  mkdir -p "$KEEP_DIR"
  cp -R "$OUT_DIR/build/." "$KEEP_DIR/"
fi
echo "$summary"
