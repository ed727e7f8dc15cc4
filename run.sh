#!/usr/bin/env bash
# Runs the back office's main job on the embedded default: Azurite for storage, the local outbox for mail.
# Installs Azurite (npm, local), starts it, starts the local host with the demo people, plays the demo scenario,
# says where to look, and keeps serving on http://localhost:7071 until Ctrl+C (Azurite is stopped on exit).
# Everything it writes stays in .local/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

require dotnet "Install the .NET 10 SDK."
install_node_tools

settings=local.settings.json
[ -f "$settings" ] || settings=local.settings.sample.json
export AVECSANTE_SETTINGS_FILE="$PWD/$settings"
export Storage__ConnectionString
Storage__ConnectionString=$(azurite_connection_string 10000)
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

port_open 7071 && fail "port 7071 is already in use (another local host?). Stop it, then try again."
port_open 7072 && fail "port 7072 (the demo's sample call sources) is already in use. Stop what uses it, then try again."
start_azurite 10000 .local/azurite

say "Building"
dotnet build src/AvecSante.LocalHost -nologo -v quiet
dotnet build samples/AvecSante.Demo -nologo -v quiet

# The demo's call sources: synthetic pages served by the demo itself on 127.0.0.1:7072 (samples/sources/README.md).
demo_sources=(
  "Calls__MinMillisecondsBetweenRequests=0"
  "Calls__AllowLoopbackSources=true"
  "Calls__Sources__demo-ars-bretagne__Kind=WebPage"
  "Calls__Sources__demo-ars-bretagne__Url=http://127.0.0.1:7072/ars/appels.html"
  "Calls__Sources__demo-ars-bretagne__Funder=ARS Bretagne"
  "Calls__Sources__demo-ars-bretagne__ItemSelector=.views-row"
  "Calls__Sources__demo-ars-rss__Kind=Rss"
  "Calls__Sources__demo-ars-rss__Url=http://127.0.0.1:7072/ars/rss.xml"
  "Calls__Sources__demo-ars-rss__Funder=ARS Bretagne"
  "Calls__Sources__demo-aides-territoires__Kind=AidesTerritoires"
  "Calls__Sources__demo-aides-territoires__Url=http://127.0.0.1:7072/"
  "Calls__Sources__demo-aides-territoires__ApiKey=demo-key"
  "Calls__Sources__demo-partenaire__Kind=Listing"
  "Calls__Sources__demo-partenaire__Url=http://127.0.0.1:7072/partenaire/appels.json"
)

say "Starting the local host on http://localhost:7071 (settings: $settings)"
# The built app itself (not "dotnet run", whose child process would outlive a stop of this script).
env "${demo_sources[@]}" dotnet src/AvecSante.LocalHost/bin/Debug/net10.0/AvecSante.LocalHost.dll --urls http://localhost:7071 >.local/localhost.log 2>&1 &
HOST_PID=$!

say "Playing the demo scenario"
dotnet run --no-build --project samples/AvecSante.Demo -- http://localhost:7071/ "$key" "$PWD" \
  || { tail -40 .local/localhost.log >&2; fail "the demo scenario failed (log: .local/localhost.log)"; }

say "Staff console: http://localhost:7071/api/console (development sign-in: choose one of the four invented staff; on Azure, Microsoft 365)"
say "The local host keeps serving on http://localhost:7071/api (log: .local/localhost.log). Ctrl+C stops it and Azurite."
wait "$HOST_PID"
