package suggest

import "testing"

func TestNearest(t *testing.T) {
	names := []string{"displayName", "subnetId", "adDomainName"}
	for _, tc := range []struct{ in, want string }{
		{"displayNmae", "displayName"},
		{"DISPLAYNAME", "displayName"},
		{"subnetIdd", "subnetId"},
		{"zzz", ""},
		{"", ""},
	} {
		if got := Nearest(tc.in, names, Limit(tc.in)); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if d := Distance("kitten", "sitting"); d != 3 {
		t.Errorf("Distance = %d, want 3", d)
	}
}
