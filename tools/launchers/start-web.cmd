@echo off
rem Starts the jixiao-audit web page on this computer (127.0.0.1 only) and opens it in the browser.
rem Close this window (or press Ctrl+C) to stop it.
setlocal
chcp 65001 >nul
set "JX_HOME=%~dp0"
set "DENO_DIR=%JX_HOME%cache"
set "DENO_NO_UPDATE_CHECK=1"
set "JIXIAO_CACHED_ONLY=1"
rem The package cache is keyed by this registry; nothing is downloaded (--cached-only).
set "NPM_CONFIG_REGISTRY=https://registry.npmjs.org/"
"%JX_HOME%runtime\deno.exe" run --quiet --cached-only --no-prompt --unsafe-proto --allow-net --allow-read --allow-write --allow-env --allow-sys --allow-run --config "%JX_HOME%app\deno.json" "%JX_HOME%app\src\serve\main.ts" --open %*
if errorlevel 1 pause
