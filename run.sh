#!/usr/bin/env bash
# Runs the back office's main job on the embedded default: Azurite for storage, the local outbox for mail.
# Installs Azurite (npm, local), starts it, starts the local host with the demo people, plays the demo scenario,
# says where to look, and keeps serving on http://localhost:7071 until Ctrl+C (Azurite is stopped on exit).
# Other ports, for a second copy on a shared machine: AVECSANTE_PORT (host, 7071), AVECSANTE_SOURCES_PORT (the demo's
# call sources, host + 1), AVECSANTE_AZURITE_PORT (Azurite's first port of three, 10000).
# Everything it writes stays in .local/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

require dotnet "Install the .NET 10 SDK."
install_node_tools

settings=local.settings.json
[ -f "$settings" ] || settings=local.settings.sample.json
export AVECSANTE_SETTINGS_FILE="$PWD/$settings"
port=${AVECSANTE_PORT:-7071}
export AVECSANTE_SOURCES_PORT=${AVECSANTE_SOURCES_PORT:-$((port + 1))}
sources=$AVECSANTE_SOURCES_PORT
azurite_port=${AVECSANTE_AZURITE_PORT:-10000}
if [ "$port" != 7071 ]; then # the links the emails carry
  export Alerts__PublicBaseUrl="http://localhost:$port/" Reports__LinkBaseUrl="http://localhost:$port/api/"
fi
export Storage__ConnectionString
Storage__ConnectionString=$(azurite_connection_string "$azurite_port")
export WorkQueues="$Storage__ConnectionString" # the queue triggers' connection, on the same Azurite
export Demo__PeopleFile="$PWD/samples/people.json"
export Email__LocalOutboxPath="$PWD/.local/outbox"
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

port_open "$port" && fail "port $port is already in use (another local host?). Stop it or set AVECSANTE_PORT, then try again."
port_open "$sources" && fail "port $sources (the demo's sample call sources) is already in use. Stop what uses it or set AVECSANTE_SOURCES_PORT, then try again."
start_azurite "$azurite_port" .local/azurite

say "Building"
dotnet build src/AvecSante.LocalHost -nologo -v quiet
dotnet build samples/AvecSante.Demo -nologo -v quiet

# The demo's call sources: synthetic pages served by the demo itself on 127.0.0.1:$sources (samples/sources/README.md).
demo_sources=(
  "Calls__MinMillisecondsBetweenRequests=0"
  "Calls__AllowLoopbackSources=true"
  "Calls__Sources__demo-ars-bretagne__Kind=WebPage"
  "Calls__Sources__demo-ars-bretagne__Url=http://127.0.0.1:$sources/ars/appels.html"
  "Calls__Sources__demo-ars-bretagne__Funder=ARS Bretagne"
  "Calls__Sources__demo-ars-bretagne__ItemSelector=.views-row"
  "Calls__Sources__demo-ars-rss__Kind=Rss"
  "Calls__Sources__demo-ars-rss__Url=http://127.0.0.1:$sources/ars/rss.xml"
  "Calls__Sources__demo-ars-rss__Funder=ARS Bretagne"
  "Calls__Sources__demo-aides-territoires__Kind=AidesTerritoires"
  "Calls__Sources__demo-aides-territoires__Url=http://127.0.0.1:$sources/"
  "Calls__Sources__demo-aides-territoires__ApiKey=demo-key"
  "Calls__Sources__demo-partenaire__Kind=Listing"
  "Calls__Sources__demo-partenaire__Url=http://127.0.0.1:$sources/partenaire/appels.json"
)

say "Starting the local host on http://localhost:$port (settings: $settings)"
# The built app itself (not "dotnet run", whose child process would outlive a stop of this script).
env "${demo_sources[@]}" dotnet src/AvecSante.LocalHost/bin/Debug/net10.0/AvecSante.LocalHost.dll --urls http://localhost:$port >.local/localhost.log 2>&1 &
HOST_PID=$!

say "Playing the demo scenario"
dotnet run --no-build --project samples/AvecSante.Demo -- http://localhost:$port/ "$key" "$PWD" \
  || { tail -40 .local/localhost.log >&2; fail "the demo scenario failed (log: .local/localhost.log)"; }

say "Staff console: http://localhost:$port/api/console (development sign-in: choose one of the four invented staff; on Azure, Microsoft 365)"
say "The local host keeps serving on http://localhost:$port/api (log: .local/localhost.log). Ctrl+C stops it and Azurite."
wait "$HOST_PID"
