#!/usr/bin/env bash
# ensure-tools.sh installs the Debian packages that `make test` needs
# (Chromium for the browser test, brotli for the page's precompressed files,
# pre-commit for the hook test, Neovim as the language server's real
# client, xmllint from libxml2-utils to validate --format junit against its
# XSD) when they are missing and we are root; otherwise it fails with
# the command to run.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pre-commit >/dev/null 2>&1 || need+=(pre-commit)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v brotli >/dev/null 2>&1 || need+=(brotli)
command -v nvim >/dev/null 2>&1 || need+=(neovim)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${need[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  exit 0
fi
echo "missing: ${need[*]}; run: sudo apt-get install -y ${need[*]}" >&2
exit 1
