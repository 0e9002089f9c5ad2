package secrets

import "testing"

func TestIsSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"Authorization": true, "client_secret": true, "X-Api-Key": true, "access_token": true,
		"adDomainPassword": true, "username": false, "Content-Type": false, "": false,
	} {
		if got := IsSecretName(name); got != want {
			t.Errorf("IsSecretName(%q) = %v", name, got)
		}
	}
}

func TestMaskURL(t *testing.T) {
	set := FileSecrets([]byte("@pw = Sup3rSecret\nAuthorization: Basic {{pw}}\n"), testTerms)
	for in, want := range map[string]string{
		"https://h/x?client_secret=abcd1234&a=Sup3rSecret#token=zz": "https://h/x?client_secret=********&a=********#token=********",
		"https://user:pa55@h/x?%73ecret=1":                          "https://user:********@h/x?%73ecret=********",
		"https://h/x?select=id":                                     "https://h/x?select=id",
	} {
		if got := MaskURL(in, set, testTerms.All); got != want {
			t.Errorf("MaskURL(%q) = %q, want %q", in, got, want)
		}
	}
	if got := MaskURL("https://h/?key=abc", nil, nil); got != "https://h/?key=********" {
		t.Errorf("without a set: %q", got)
	}
}

// TestFileSecrets: a file's one set holds every body's password and the
// framing's values, percent-decoded too; values under FreeMin characters
// are masked where they are defined only.
func TestFileSecrets(t *testing.T) {
	data := []byte("POST /x?client_secret=abc%2Fdef1\nX-Token: 12\n\n{\"adDomainPassword\":\"Hunter2Secret\"}\n###\n{\"AdDomainPasswrd\":\"Other9Secret\"}")
	s := FileSecrets(data, testTerms)
	for text, want := range map[string]bool{
		"Hunter2Secret": true, "Other9Secret": true, "abc%2Fdef1": true, "abc/def1": true, "12": false,
	} {
		if got := s.Token(text); got != want {
			t.Errorf("Token(%q) = %v", text, got)
		}
	}
}
