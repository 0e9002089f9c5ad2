module github.com/azconn/azconn/cmd/azconnlint/e2e

go 1.25

require (
	github.com/rogpeppe/go-internal v1.16.0
	github.com/tidwall/gjson v1.20.2
)

require (
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.3.0 // indirect
	golang.org/x/sys v0.26.0 // indirect
	golang.org/x/tools v0.26.0 // indirect
)
