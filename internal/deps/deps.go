//go:build tools

// Package deps pins dependencies until the packages that use them exist.
package deps
import (
 _ "github.com/santhosh-tekuri/jsonschema/v6"
 _ "github.com/tidwall/gjson"
 _ "github.com/tidwall/sjson"
 _ "github.com/chromedp/chromedp"
 _ "github.com/rogpeppe/go-internal/testscript"
)
