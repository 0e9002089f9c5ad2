package values

import "testing"

func TestIsPlaceholder(t *testing.T) {
	for s, want := range map[string]bool{
		"String": true, "string": true, "Boolean": true, "Int32": true, "String (identifier)": true,
		"String (timestamp)": true, " String ": true, "DateTimeOffset": true,
		"Display Name value": true, "Active Directory Domain Name value": true, "Organization Unit value": true,
		"Stringer": false, "String (a(b))": false, "string theory": false, "value": false, " value": false,
		"display name value": false, "Display Name Value": false, "Contoso ANC": false, "": false, "Int3": false,
		"Display-Name value": false,
	} {
		if got := IsPlaceholder(s); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
}
