@echo off
rem jixiao-audit (offline package). Drop report files or folders onto this file: an HTML report is written
rem beside each and opened. With options it is the command line: jixiao-audit.cmd --help
setlocal
chcp 65001 >nul
set "JX_HOME=%~dp0"
set "DENO_DIR=%JX_HOME%cache"
set "DENO_NO_UPDATE_CHECK=1"
set "JIXIAO_CACHED_ONLY=1"
rem The package cache is keyed by this registry; nothing is downloaded (--cached-only).
set "NPM_CONFIG_REGISTRY=https://registry.npmjs.org/"
"%JX_HOME%runtime\deno.exe" run --quiet --cached-only --no-prompt --unsafe-proto --allow-read --allow-write --allow-env --allow-sys --allow-run --config "%JX_HOME%app\deno.json" "%JX_HOME%app\src\serve\launch.ts" %*
exit /b %ERRORLEVEL%
