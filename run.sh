#!/usr/bin/env bash
# Runs the back office's main job on the embedded default: Azurite for storage, the local outbox for mail.
# Installs Azurite (npm, local), starts it, starts the local host with the demo people, plays the demo scenario,
# says where to look, and keeps serving on http://localhost:7071 until Ctrl+C (Azurite is stopped on exit).
# Other ports (say, when another copy runs): AVECSANTE_PORT (7071), AVECSANTE_SOURCES_PORT (7072, the demo's sample
# sources) and AVECSANTE_AZURITE_PORT (10000, then the next two for queues and tables).
# Everything it writes stays in .local/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

require dotnet "Install the .NET 10 SDK."
install_node_tools

port=${AVECSANTE_PORT:-7071}
sources_port=${AVECSANTE_SOURCES_PORT:-7072}
export AVECSANTE_SOURCES_PORT=$sources_port
azurite_port=${AVECSANTE_AZURITE_PORT:-10000}

settings=local.settings.json
[ -f "$settings" ] || settings=local.settings.sample.json
export AVECSANTE_SETTINGS_FILE="$PWD/$settings"
export Storage__ConnectionString
Storage__ConnectionString=$(azurite_connection_string "$azurite_port")
export WorkQueues="$Storage__ConnectionString" # the queue triggers' connection, on the same Azurite
export Demo__PeopleFile="$PWD/samples/people.json"
export Email__LocalOutboxPath="$PWD/.local/outbox"
if [ -n "${AVECSANTE_PORT:-}" ]; then # the settings' links name 7071
  export Alerts__PublicBaseUrl="http://localhost:$port/" Reports__LinkBaseUrl="http://localhost:$port/api/"
fi
key=$(node -e '
  const text = require("fs").readFileSync(process.argv[1], "utf8").replace(/^\s*\/\/.*$/gm, "");
  console.log(JSON.parse(text).Values["FunctionKeys:default"] || "local-dev-key");' "$settings")

HOST_PID=""
cleanup() {
  [ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null
  stop_azurite
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open "$port" && fail "port $port is already in use (another local host?). Stop it, or choose another with AVECSANTE_PORT."
port_open "$sources_port" && fail "port $sources_port (the demo's sample call sources) is already in use. Stop what uses it, or set AVECSANTE_SOURCES_PORT."
start_azurite "$azurite_port" .local/azurite

say "Building"
dotnet build src/AvecSante.LocalHost -nologo -v quiet
dotnet build samples/AvecSante.Demo -nologo -v quiet

# The demo's call sources: synthetic pages served by the demo itself on 127.0.0.1:$sources_port (samples/sources/README.md).
demo_sources=(
  "Calls__MinMillisecondsBetweenRequests=0"
  "Calls__AllowLoopbackSources=true"
  "Calls__Sources__demo-ars-bretagne__Kind=WebPage"
  "Calls__Sources__demo-ars-bretagne__Url=http://127.0.0.1:$sources_port/ars/appels.html"
  "Calls__Sources__demo-ars-bretagne__Funder=ARS Bretagne"
  "Calls__Sources__demo-ars-bretagne__ItemSelector=.views-row"
  "Calls__Sources__demo-ars-rss__Kind=Rss"
  "Calls__Sources__demo-ars-rss__Url=http://127.0.0.1:$sources_port/ars/rss.xml"
  "Calls__Sources__demo-ars-rss__Funder=ARS Bretagne"
  "Calls__Sources__demo-aides-territoires__Kind=AidesTerritoires"
  "Calls__Sources__demo-aides-territoires__Url=http://127.0.0.1:$sources_port/"
  "Calls__Sources__demo-aides-territoires__ApiKey=demo-key"
  "Calls__Sources__demo-partenaire__Kind=Listing"
  "Calls__Sources__demo-partenaire__Url=http://127.0.0.1:$sources_port/partenaire/appels.json"
)

say "Starting the local host on http://localhost:$port (settings: $settings)"
# The built app itself (not "dotnet run", whose child process would outlive a stop of this script).
env "${demo_sources[@]}" dotnet src/AvecSante.LocalHost/bin/Debug/net10.0/AvecSante.LocalHost.dll --urls "http://localhost:$port" >.local/localhost.log 2>&1 &
HOST_PID=$!

say "Playing the demo scenario"
dotnet run --no-build --project samples/AvecSante.Demo -- "http://localhost:$port/" "$key" "$PWD" \
  || { tail -40 .local/localhost.log >&2; fail "the demo scenario failed (log: .local/localhost.log)"; }

say "Staff console: http://localhost:$port/api/console (development sign-in: choose one of the four invented staff; on Azure, Microsoft 365)"
say "The local host keeps serving on http://localhost:$port/api (log: .local/localhost.log). Ctrl+C stops it and Azurite."
wait "$HOST_PID"
