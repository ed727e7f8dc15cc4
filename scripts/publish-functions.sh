#!/usr/bin/env bash
# Builds the deployable zip of the Functions app: .local/publish/avecsante-functions.zip (Release, warnings as errors),
# and checks it holds what the Functions host needs to index and run it. Deploy it with
#   az functionapp deployment source config-zip -g <group> -n <app> --src .local/publish/avecsante-functions.zip
# (Flex Consumption: the CLI uses the app's publish endpoint), or let `azd up` build and deploy (azure.yaml).
# Published for linux-x64 (what Flex Consumption runs), framework-dependent: other platforms' native files stay out.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require dotnet "Install the .NET 10 SDK."
out=.local/publish
zip="$out/avecsante-functions.zip"
rm -rf "$out/app" "$zip"
mkdir -p "$out"

say "Publishing src/AvecSante.Functions to $zip"
dotnet publish src/AvecSante.Functions -c Release -r linux-x64 --self-contained false -o "$out/app" -nologo -v quiet \
  -p:DeployZip="$PWD/$zip"

# The host reads these three at the zip's root: the functions (names, triggers, routes), the binding extensions, and
# how to start the worker. A zip without them deploys "successfully" and serves nothing.
if command -v unzip >/dev/null 2>&1; then
  entries=$(unzip -Z1 "$zip")
else
  entries=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$zip")
fi
for needed in functions.metadata extensions.json worker.config.json host.json AvecSante.Functions.dll; do
  grep -qx "$needed" <<<"$entries" || fail "$zip lacks $needed at its root."
done
grep -qx "local.settings.json" <<<"$entries" && fail "$zip holds local.settings.json: settings are app settings on Azure."
say "Ready: $zip ($(du -h "$zip" | cut -f1), $(grep -c . <<<"$entries") files; functions.metadata, extensions.json, worker.config.json present)"
