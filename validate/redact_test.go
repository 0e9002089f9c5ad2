package validate

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	const pw = "hunter2-Secret"
	for _, tc := range []struct{ name, in, want string }{
		{"string", `{"adDomainPassword": "hunter2-Secret", "displayName": "a"}`, `{"adDomainPassword": "********", "displayName": "a"}`},
		{"any case", `{"ADDOMAINPASSWORD":"hunter2-Secret"}`, `{"ADDOMAINPASSWORD":"********"}`},
		{"escaped key", `{"adDomain\u0050assword": "hunter2-Secret"}`, `{"adDomain\u0050assword": "********"}`},
		{"escaped quote in value", `{"adDomainPassword": "hunter2-Secret\"x"}`, `{"adDomainPassword": "********"}`},
		{"nested", `{"x": {"adDomainPassword": "hunter2-Secret"}}`, `{"x": {"adDomainPassword": "********"}}`},
		{"single quotes", `{'adDomainPassword': 'hunter2-Secret'}`, `{'adDomainPassword': "********"}`},
		{"unterminated", "{\"adDomainPassword\": \"hunter2-Secret\n}", "{\"adDomainPassword\": \"********\"\n}"},
		{"bare word", "{\"adDomainPassword\": hunter2-Secret , \"a\": 1}", "{\"adDomainPassword\": \"********\" , \"a\": 1}"},
		{"object", `{"adDomainPassword": {"v": "hunter2-Secret"}}`, `{"adDomainPassword": "********"}`},
		{"multi-line object keeps lines", "{\"adDomainPassword\": {\r\n\"v\": \"hunter2-Secret\"\n}}", "{\"adDomainPassword\": \"********\"\r\n\n}"},
		{"key on its own line", "{\"adDomainPassword\"\n  :\n  \"hunter2-Secret\"}", "{\"adDomainPassword\"\n  :\n  \"********\"}"},
		{"unquoted key", `{adDomainPassword: "hunter2-Secret"}`, `{adDomainPassword: "********"}`},
		{"unquoted key and value", "{adDomainPassword: hunter2-Secret}", `{adDomainPassword: "********"}`},
		{"comment naming it", "{\n// adDomainPassword is hunter2-Secret\n}", "{\n// adDomainPassword \"********\"\n}"},
		{"key without colon", "{\"adDomainPassword\" \"hunter2-Secret\"}", "{\"adDomainPassword\"********\""},
		{"cut short", `{"adDomainPassword": "hunter2-Sec`, `{"adDomainPassword": "********"`},
		{"value on the next line", "{\"adDomainPassword\":\n  \"hunter2-Secret\"}", "{\"adDomainPassword\":\n  \"********\"}"},
		{"no secret", `{"displayName": "a"}`, `{"displayName": "a"}`},
		{"empty", ``, ``},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(Redact([]byte(tc.in), AzureConnection))
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if strings.Contains(got, pw) {
				t.Errorf("secret survived: %s", got)
			}
		})
	}
}
