#!/usr/bin/env bash
# bench-cli.sh: azconnlint against ajv-cli, side by side in one hyperfine
# run, on one file and on 1,000 files, both validating the same clean
# payloads against the same schema (`azconnlint --print-schema --target azureConnection`),
# and against a Go hello-world process (the floor of any Go CLI's start) in
# the same run. Prints the three ratios (of medians: the machine is shared,
# and a mean follows its slowest runs), and the package-init time of both
# Go programs (GODEBUG=inittrace=1, median of 21 runs).
# Usage: bench/bench-cli.sh path/to/azconnlint
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$(cd "$(dirname "${1:?usage: bench-cli.sh path/to/azconnlint}")" && pwd)/$(basename "$1")"
if ! command -v hyperfine >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "bench-cli: installing hyperfine from Debian"
  (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null)
fi
command -v hyperfine >/dev/null || { echo "bench-cli: hyperfine is missing (apt-get install -y hyperfine)" >&2; exit 1; }
command -v npm >/dev/null || { echo "bench-cli: npm is missing (apt-get install -y nodejs npm)" >&2; exit 1; }
if [ ! -x "$here/node_modules/.bin/ajv" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
ajv="$here/node_modules/.bin/ajv"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" --print-schema --target azureConnection > "$work/schema.json"
mkdir -p "$work/many"
payload() {
  cat <<JSON
{
  "@odata.type": "#microsoft.graph.AzureConnection",
  "displayName": "Contoso $1",
  "subscriptionId": "0ac520ee-14c0-480f-b6c9-0a90c58ffff0",
  "adDomainName": "contoso.com",
  "adDomainUsername": "dcadmin@contoso.com",
  "adDomainPassword": "\${AD_DOMAIN_PASSWORD}",
  "organizationalUnit": "OU=CloudPCs,DC=contoso,DC=com",
  "resourceGroupId": "/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff0/resourceGroups/rg-cloudpc",
  "virtualNetworkId": "/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff0/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-weu",
  "subNetId": "/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff0/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-weu/subnets/snet-$1"
}
JSON
}
payload one > "$work/one.json"
# The hello-world, built as the Makefile builds azconnlint.
mkdir -p "$work/hello"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello, world") }\n' > "$work/hello/main.go"
printf 'module hello\n\ngo 1.26\n' > "$work/hello/go.mod"
(cd "$work/hello" && GOFLAGS= go build -trimpath -o hello .)
for i in $(seq -w 1 1000); do payload "$i" > "$work/many/p$i.json"; done

# Both tools must accept the payloads, or the comparison is meaningless.
"$bin" "$work/one.json" "$work/many" >/dev/null
ajvflags=(validate --spec=draft2020 -c ajv-formats --strict=false -s "$work/schema.json")
"$ajv" "${ajvflags[@]}" -d "$work/one.json" >/dev/null 2>&1
"$ajv" "${ajvflags[@]}" -d "$work/many/*.json" >/dev/null 2>&1

cd "$work"
# -N: no shell. A hello-world takes about as long as the shell hyperfine
# would start and subtract, which leaves it at 0 ms.
hyperfine -N --warmup 3 --min-runs 20 --export-json "$work/result.json" --export-markdown "$here/results.md" \
  -n "go hello-world"         "$work/hello/hello" \
  -n "azconnlint, 1 file"     "$bin one.json" \
  -n "ajv-cli, 1 file"        "$ajv ${ajvflags[*]} -d one.json" \
  -n "azconnlint, 1000 files" "$bin many" \
  -n "ajv-cli, 1000 files"    "$ajv ${ajvflags[*]} -d 'many/*.json'"

jq -r '
  (.results | map({(.command): .median}) | add) as $m
  | "ratio, 1 file:     azconnlint / go hello-world = \($m["azconnlint, 1 file"] / $m["go hello-world"] * 10 | round / 10)x  (\($m["azconnlint, 1 file"]*1000*10|round/10) ms vs \($m["go hello-world"]*1000*10|round/10) ms; aim: 2x or less)",
    "ratio, 1 file:     ajv-cli / azconnlint = \($m["ajv-cli, 1 file"] / $m["azconnlint, 1 file"] * 10 | round / 10)x  (\($m["azconnlint, 1 file"]*1000*10|round/10) ms vs \($m["ajv-cli, 1 file"]*1000*10|round/10) ms)",
    "ratio, 1000 files: ajv-cli / azconnlint = \($m["ajv-cli, 1000 files"] / $m["azconnlint, 1000 files"] * 10 | round / 10)x  (\($m["azconnlint, 1000 files"]*1000*10|round/10) ms vs \($m["ajv-cli, 1000 files"]*1000*10|round/10) ms; aim: 10x or more)"
' "$work/result.json" | tee "$here/ratios.txt"
# Package init, summed over packages, median of 21 runs.
initms() {
  for _ in $(seq 21); do GODEBUG=inittrace=1 "$@" 2>&1 >/dev/null | awk '/^init / {s += $5} END {printf "%.3f\n", s}'; done | sort -n | sed -n 11p
}
echo "package init (GODEBUG=inittrace=1, median of 21): azconnlint $(initms "$bin" one.json) ms, go hello-world $(initms "$work/hello/hello") ms" | tee -a "$here/ratios.txt"
echo "(table: bench/results.md; cores: $(nproc); $(hyperfine --version); node $(node --version))"
