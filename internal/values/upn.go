package values

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/jsontext"
)

// UPNProblem checks s as a UPN. domain, when not "", is the connection's
// AD domain, used for suggestions. It returns the span at fault and a
// clause completing "adDomainUsername …", or why == "".
func UPNProblem(s, domain string) (from, to int, why string) {
	suffix := domain
	if suffix == "" {
		suffix = "contoso.com"
	}
	suggest := func(user string) string {
		if domain == "" {
			return fmt.Sprintf("write %s@ followed by the domain's DNS name, e.g. %s", user, jsontext.Quote(user+"@"+suffix))
		}
		return fmt.Sprintf("did you mean %s?", jsontext.Quote(user+"@"+domain))
	}
	if s == "" {
		return 0, 0, fmt.Sprintf("is empty: write the user principal name of the account that joins computers to the domain, e.g. %s, or leave the property out", jsontext.Quote("admin@"+suffix))
	}
	if i := strings.IndexByte(s, '\\'); i >= 0 {
		user := s[i+1:]
		if user == "" {
			user = "admin"
		}
		return 0, len(s), fmt.Sprintf("is a down-level logon name (DOMAIN\\user): the required format is a user principal name, name@domain; %s", suggest(user))
	}
	for i, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return i, i + utf8.RuneLen(r), fmt.Sprintf("contains %s: a user principal name has none", NameChar(r))
		}
	}
	at := strings.IndexByte(s, '@')
	if at < 0 {
		return 0, len(s), fmt.Sprintf("is a bare user name: the required format is a user principal name, name@domain; %s", suggest(s))
	}
	if last := strings.LastIndexByte(s, '@'); last != at {
		return last, last + 1, "has more than one '@': a user principal name is name@domain, with one '@'"
	}
	if at == 0 {
		return 0, 1, "has nothing before '@': a user principal name is name@domain, e.g. " + jsontext.Quote("admin@"+suffix)
	}
	if at == len(s)-1 {
		return at, at + 1, fmt.Sprintf("has nothing after '@': the UPN suffix is missing; %s", suggest(s[:at]))
	}
	host := s[at+1:]
	if is := DomainNameProblem(host); is != nil && is.Level == Error {
		return at + 1 + is.From, at + 1 + is.To, fmt.Sprintf("has the UPN suffix %s, which is not a DNS name: it %s", jsontext.Quote(host), is.Msg)
	}
	return 0, 0, ""
}
