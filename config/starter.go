package config

// starter is the file azconnlint --init writes: every key, commented, in
// a form that loads as it is.
const starter = `# azconnlint configuration. The file closest to a linted file applies:
# its folder's, else its parent's, up to the repository root. Command-line
# flags win over it. Schema: azconnlint --print-config-schema
# yaml-language-server: $schema=https://github.com/azconn/azconn/config.schema.json

# target: auto            # auto, azureConnection or onPremisesConnection
# api: beta               # beta or v1.0 (a request URL's version wins)
# method: patch           # patch or post, for bodies without a request line
# fail-on: error          # error, warning or info
# max-findings: 1000      # per file
# drop-read-only: false   # let --fix remove read-only properties
# markdown: false         # lint *.md found while walking folders

# Files never linted (globs relative to this file; ** crosses folders).
exclude:
  - "node_modules"

# A rule's severity, or off (azconnlint --list-rules lists them).
rules:
  # placeholder: error
  # username: off

# Settings for some files; later entries win. A files entry may end in a
# JSON Pointer to scope rules to one property and what is under it.
overrides:
  # - files: ["templates/**"]
  #   rules: {placeholder: off}
  # - files: ["legacy/*.json#/organizationalUnit"]
  #   rules: {ou-format: warning}

# Findings recorded by azconnlint --write-baseline are suppressed.
# baseline: .azconnlint-baseline.json
`

// Starter returns the commented starter configuration that
// azconnlint --init writes.
func Starter() []byte { return []byte(starter) }
