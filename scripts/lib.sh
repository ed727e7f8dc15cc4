# Shared by run.sh and test.sh: install the project's own tools and run Azurite on loopback.
# Sourced, not executed.

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'Error: %s\n' "$*" >&2; exit 1; }

require() {
  command -v "$1" >/dev/null 2>&1 || fail "'$1' is needed and was not found on PATH. $2"
}

# Azurite comes from npm into ./node_modules (package.json + lockfile): no global install, no Docker.
install_node_tools() {
  require node "Install Node.js 20 or later."
  require npm "Install npm (it comes with Node.js)."
  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing Azurite from npm (local to this repository)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_azurite FIRST_PORT DATA_FOLDER: blob on FIRST_PORT, queue +1, table +2, all on 127.0.0.1.
AZURITE_PID=""
start_azurite() {
  local blob=$1 queue=$(( $1 + 1 )) table=$(( $1 + 2 )) data=$2
  for p in "$blob" "$queue" "$table"; do
    port_open "$p" && fail "port $p is already in use (another Azurite?). Stop it, then try again."
  done
  mkdir -p "$data"
  say "Starting Azurite on 127.0.0.1:$blob-$table (data in $data)"
  node_modules/.bin/azurite --silent --location "$data" \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" --skipApiVersionCheck --loose >"$data/azurite.out" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    port_open "$table" && port_open "$blob" && return 0
    kill -0 "$AZURITE_PID" 2>/dev/null || { cat "$data/azurite.out" >&2; fail "Azurite did not start."; }
    sleep 0.2
  done
  fail "Azurite did not open its ports within 20 s."
}

stop_azurite() {
  if [ -n "$AZURITE_PID" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    # Azurite saves its data on SIGTERM; give it ten seconds, then stop it for good.
    for _ in $(seq 1 50); do
      kill -0 "$AZURITE_PID" 2>/dev/null || break
      sleep 0.2
    done
    kill -9 "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  AZURITE_PID=""
}

# The connection string of an Azurite started on FIRST_PORT (the well-known development account).
azurite_connection_string() {
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    "$key" "$1" "$(( $1 + 1 ))" "$(( $1 + 2 ))"
}
