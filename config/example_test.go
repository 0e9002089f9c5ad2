package config_test

import (
	"fmt"

	"github.com/azconn/azconn/config"
)

func ExampleParse() {
	c, err := config.Parse(".azconnlint.yaml", []byte(`
rules:
  placeholder: error
overrides:
  - files: ["templates/**"]
    rules: {placeholder: off}
  - files: ["legacy/*.json#/organizationalUnit"]
    rules: {ou-format: warning}
`))
	if err != nil {
		panic(err)
	}
	for _, file := range []string{"a.json", "templates/t.json", "legacy/l.json"} {
		opts, excluded := c.Options(file)
		fmt.Println(file, opts.Severity, opts.Ignore, opts.PointerRules, excluded)
	}
	_, err = config.Parse(".azconnlint.yaml", []byte("rules:\n  placeholdr: off\n"))
	fmt.Println(err)
	// Output:
	// a.json map[placeholder:error] [] [] false
	// templates/t.json map[] [placeholder] [] false
	// legacy/l.json map[placeholder:error] [] [{/organizationalUnit ou-format warning false}] false
	// .azconnlint.yaml:2:3: unknown rule ID "placeholdr" (did you mean "placeholder"?); 'azconnlint --list-rules' lists them
}
