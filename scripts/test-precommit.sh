#!/usr/bin/env bash
# test-precommit.sh: `pre-commit try-repo` of this repository's hooks on a
# scratch git repository holding one good and one bad payload. Each hook
# must fail on the bad payload (showing the finding) and pass on the good
# one. Under CI=true a missing pre-commit is a failure; otherwise the test
# is skipped with a message.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v pre-commit >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "test-precommit: FAIL: pre-commit is not installed (apt-get install -y pre-commit)" >&2
    exit 1
  fi
  echo "test-precommit: SKIP: pre-commit is not installed (apt-get install -y pre-commit; under CI=true this fails)" >&2
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"   # hermetic: the hook env is built here
# Reuse the module and build caches: the golang hook runs `go install ./...`.
GOMODCACHE="$(go env GOMODCACHE)"; export GOMODCACHE
GOCACHE="$(go env GOCACHE)"; export GOCACHE
export GOFLAGS="${GOFLAGS:-} -buildvcs=false"

scratch="$work/scratch"
mkdir -p "$scratch"
cd "$scratch"
git init -q .
git config user.email test@example.invalid
git config user.name test
cat > good.json <<'JSON'
{
  "@odata.type": "#microsoft.graph.AzureConnection",
  "displayName": "Contoso West Europe",
  "subscriptionId": "0ac520ee-14c0-480f-b6c9-0a90c58ffff0",
  "adDomainName": "contoso.com",
  "adDomainUsername": "dcadmin@contoso.com",
  "adDomainPassword": "${AD_DOMAIN_PASSWORD}",
  "organizationalUnit": "OU=CloudPCs,DC=contoso,DC=com",
  "resourceGroupId": "/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff0/resourceGroups/rg-cloudpc",
  "virtualNetworkId": "/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff0/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-weu",
  "subNetId": "/subscriptions/0ac520ee-14c0-480f-b6c9-0a90c58ffff0/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-weu/subnets/snet-cloudpc"
}
JSON
cat > bad.json <<'JSON'
{
  "displayName": "Contoso West Europe",
  "resourceGroup": "rg-cloudpc"
}
JSON
cat > bad.http <<'HTTP'
PATCH https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/onPremisesConnections
Content-Type: application/json

{"displayName": "Contoso West Europe"}
HTTP
printf 'not a payload {\n' > notes.txt
# A configuration the hook finds by itself, closest to each file: in
# lenient/ unknown properties are only info and skip.json is excluded; in
# strict/ whitespace is an error; broken/ has a wrong key.
mkdir -p lenient strict broken
cp bad.json lenient/bad.json
printf '{"displayName": ' > lenient/skip.json
printf 'rules:\n  unknown-property: info\nexclude: ["skip.json"]\n' > lenient/.azconnlint.yaml
printf '{"displayName": " Contoso "}\n' > strict/a.json
printf 'rules: {whitespace: error}\n' > strict/.azconnlint.yaml
cp good.json broken/good.json
printf 'target: auto\nrulez: {}\n' > broken/.azconnlint.yaml
git add good.json bad.json bad.http notes.txt lenient strict broken

# The system hook runs the binary on PATH: build this checkout's.
mkdir -p "$work/bin"
(cd "$repo" && go build -o "$work/bin/azconnlint" ./cmd/azconnlint)
export PATH="$work/bin:$PATH"

fail=0
# rejects HOOK FILE PATTERN: the hook fails on FILE and reports the
# finding that PATTERN (grep) matches.
rejects() {
  local hook=$1 file=$2 pattern=$3 log="$work/${2//\//_}.log"
  if pre-commit try-repo "$repo" "$hook" --files "$file" >"$log" 2>&1; then
    echo "test-precommit: FAIL: $hook passes $file:" >&2; cat "$log" >&2; fail=1
  elif grep -q "$pattern" "$log"; then
    echo "test-precommit: ok: $hook fails $file with its finding"
  else
    echo "test-precommit: FAIL: $hook failed on $file without the expected finding:" >&2; cat "$log" >&2; fail=1
  fi
}
for hook in azconnlint azconnlint-system; do
  if pre-commit try-repo "$repo" "$hook" --files good.json >"$work/good.log" 2>&1; then
    echo "test-precommit: ok: $hook passes good.json"
  else
    echo "test-precommit: FAIL: $hook rejects good.json:" >&2; cat "$work/good.log" >&2; fail=1
  fi
  rejects "$hook" bad.json 'bad.json:3:3: error: unknown property "resourceGroup".*\[unknown-property\]'
  # .http and .rest files are passed to the hook (files: pattern); other
  # files are not.
  rejects "$hook" bad.http 'bad.http:1:1: error: PATCH without the connection.*\[request-line\]'
  if pre-commit try-repo "$repo" "$hook" --files notes.txt >"$work/txt.log" 2>&1; then
    echo "test-precommit: ok: $hook does not run on notes.txt"
  else
    echo "test-precommit: FAIL: $hook ran on notes.txt:" >&2; cat "$work/txt.log" >&2; fail=1
  fi
  # The hook honours the configuration closest to each file.
  if pre-commit try-repo "$repo" "$hook" --verbose --files lenient/bad.json lenient/skip.json lenient/.azconnlint.yaml >"$work/lenient.log" 2>&1 \
    && grep -q 'lenient/bad.json:3:3: info: unknown property "resourceGroup"' "$work/lenient.log" \
    && grep -q 'lenient/skip.json: skipped: excluded by lenient/.azconnlint.yaml' "$work/lenient.log" \
    && ! grep -q 'skip.json:[0-9]' "$work/lenient.log"; then
    echo "test-precommit: ok: $hook honours lenient/.azconnlint.yaml (a severity override and an exclude)"
  else
    echo "test-precommit: FAIL: $hook did not honour lenient/.azconnlint.yaml:" >&2; cat "$work/lenient.log" >&2; fail=1
  fi
  rejects "$hook" strict/a.json 'strict/a.json:1:17: error: displayName has leading or trailing whitespace.*\[whitespace\]'
  rejects "$hook" broken/good.json 'broken/.azconnlint.yaml:2:1: unknown key "rulez" (did you mean "rules"?)'
done
exit $fail
