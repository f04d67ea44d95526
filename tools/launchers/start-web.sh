#!/bin/sh
# Starts the jixiao-audit web page on this computer (127.0.0.1 only) and opens it in the browser.
# Close the window (or press Ctrl+C) to stop it. Extra arguments go to serve (--port, --token, …).
HERE=$(cd "$(dirname "$0")" && pwd)
export DENO_DIR="$HERE/cache" DENO_NO_UPDATE_CHECK=1 JIXIAO_CACHED_ONLY=1
# The package cache is keyed by this registry; nothing is downloaded (--cached-only).
export NPM_CONFIG_REGISTRY=https://registry.npmjs.org/
exec "$HERE/runtime/deno" run --quiet --cached-only --no-prompt --unsafe-proto --allow-net --allow-read \
  --allow-write --allow-env --allow-sys --allow-run --config "$HERE/app/deno.json" \
  "$HERE/app/src/serve/main.ts" --open "$@"
