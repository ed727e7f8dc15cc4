#!/usr/bin/env bash
# Passes every test: installs what the tests need (Azurite from npm), starts it on its own ports (10100-10102, so a
# running ./run.sh is not disturbed) with a fresh data folder, builds the solution (the Functions app included, Release,
# warnings as errors) and its deployable zip, runs the whole suite, stops everything.
# Exits non-zero on any failure. AVECSANTE_TEST_PORT moves Azurite (blob port; queue and table follow) so that two
# checkouts can run their suites side by side.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

require dotnet "Install the .NET 10 SDK."
install_node_tools

# The browser tests drive Debian's chromium (never a browser downloaded by Playwright). CI runs as root: install it once.
if [ ! -x /usr/bin/chromium ]; then
  say "Installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    fail "chromium is missing: run 'sudo apt-get install -y chromium' (the browser tests need /usr/bin/chromium)."
  fi
fi
export AVECSANTE_CHROMIUM=/usr/bin/chromium

port=${AVECSANTE_TEST_PORT:-10100}
data=.local/azurite-test
rm -rf "$data"
trap stop_azurite EXIT
start_azurite "$port" "$data"
export AVECSANTE_TEST_STORAGE
AVECSANTE_TEST_STORAGE=$(azurite_connection_string "$port")

say "Building"
dotnet build AvecSante.Functions.sln -c Release -nologo -v quiet
# The deployable zip, checked for what the Functions host needs (functions.metadata, extensions.json, worker.config.json).
scripts/publish-functions.sh
say "Running the tests"
mkdir -p .local
set +e
dotnet test AvecSante.Functions.sln -c Release --no-build -nologo 2>&1 | tee .local/test-output.txt
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole suite, summed over the test projects' own summaries.
grep -E '(Passed|Failed)!' .local/test-output.txt | awk -F'[:,]' '
  { for (i = 1; i < NF; i++) { k = $i; gsub(/.* /, "", k); v = $(i+1) + 0;
      if (k == "Failed") f += v; if (k == "Passed") p += v; if (k == "Skipped") s += v } }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }'
# The .editorconfig is the rule: a file it would change fails the run (fix with 'dotnet format AvecSante.Functions.sln').
say "Checking the format (dotnet format --verify-no-changes)"
if ! dotnet format AvecSante.Functions.sln --verify-no-changes -v quiet; then
  printf 'Error: the code differs from .editorconfig: run "dotnet format AvecSante.Functions.sln".\n' >&2
  status=1
fi
exit "$status"
