# Azurite helpers shared by run-local.sh and test.sh. Source this file; it expects $repo_root.

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_node_tools() {
  if [ ! -x "$repo_root/node_modules/.bin/azurite" ]; then
    echo "Installing Azurite (npm ci)..."
    (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# start_azurite <blob port> <queue port> <table port> <data folder> <log file>; sets azurite_pid.
start_azurite() {
  local blob=$1 queue=$2 table=$3 data=$4 log=$5
  mkdir -p "$data"
  local storage=(--location "$data")
  [ -n "${AZURITE_IN_MEMORY:-}" ] && storage=(--inMemoryPersistence)
  # AZURITE_DEBUG=1: Azurite's debug log (every request, with its operation) at <log file>.debug; slows Azurite down.
  [ -n "${AZURITE_DEBUG:-}" ] && storage+=(--debug "$log.debug")
  # Telemetry off: it costs Azurite CPU on every request, and nothing here should phone home.
  "$repo_root/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose --disableTelemetry "${storage[@]}" \
    --blobHost 127.0.0.1 --blobPort "$blob" \
    --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >"$log" 2>&1 &
  azurite_pid=$!
  await_azurite "$blob" "$queue" "$table" "$log" "$azurite_pid"
}

# await_azurite <blob port> <queue port> <table port> <log files (a glob)> <pid>...: waits up to 20 s for the three
# ports; fails, showing the logs, as soon as one of the processes exits.
await_azurite() {
  local blob=$1 queue=$2 table=$3 logs=$4 pid
  shift 4
  for _ in $(seq 1 100); do
    if port_open "$blob" && port_open "$queue" && port_open "$table"; then return 0; fi
    for pid in "$@"; do
      # shellcheck disable=SC2086 # the log files are a glob
      if ! kill -0 "$pid" 2>/dev/null; then echo "Azurite exited; see $logs" >&2; cat $logs >&2; return 1; fi
    done
    sleep 0.2
  done
  echo "Azurite did not open its ports within 20 s; see $logs" >&2
  return 1
}

# start_azurite_split <blob port> <queue port> <table port> <data folder> <log file>; sets azurite_pids (table, blob,
# queue). One account as three processes, for benchmarks: each service gets its own Node.js thread, tables stay in memory
# (nothing to autosave: with a data folder LokiJS serialises the whole table database every 5 s, 100-280 ms once the
# sample catalogue is seeded) and blobs and queues use a data folder (in memory, every queue message is an extent of its
# own, and the queue service's minutely clean-up deletes them one by one: stalls of 1 to 7.5 s). Put the data folder on
# tmpfs to spare the fsync of every write.
start_azurite_split() {
  local blob=$1 queue=$2 table=$3 data=$4 log=$5 service port
  mkdir -p "$data"
  azurite_pids=()
  for service in table blob queue; do
    case $service in table) port=$table ;; blob) port=$blob ;; queue) port=$queue ;; esac
    local storage=(--location "$data")
    [ "$service" = table ] && storage=(--inMemoryPersistence)
    [ -n "${AZURITE_DEBUG:-}" ] && storage+=(--debug "$log.$service.debug")
    "$repo_root/node_modules/.bin/azurite-$service" --silent --skipApiVersionCheck --loose --disableTelemetry "${storage[@]}" \
      "--${service}Host" 127.0.0.1 "--${service}Port" "$port" >"$log.$service" 2>&1 &
    azurite_pids+=("$!")
  done
  await_azurite "$blob" "$queue" "$table" "$log.*" "${azurite_pids[@]}"
}

# The well-known Azurite development account key: public, documented, valid only against the emulator.
azurite_connection_string() {
  local blob=$1 queue=$2 table=$3
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' "$blob" "$queue" "$table"
}

# free_ports <count>: prints that many distinct free loopback ports, space-separated (Node.js is there for Azurite anyway).
free_ports() {
  node -e '
    const net = require("net");
    const servers = Array.from({ length: +process.argv[1] }, () => net.createServer());
    Promise.all(servers.map(s => new Promise(r => s.listen(0, "127.0.0.1", () => r(s.address().port)))))
      .then(ports => { console.log(ports.join(" ")); servers.forEach(s => s.close()); });
  ' "$1"
}
