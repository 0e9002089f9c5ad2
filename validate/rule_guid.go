package validate

import (
	"fmt"
	"github.com/azconn/azconn/internal/values"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "guid", Severity: SeverityError,
			Summary: "subscriptionId, or the subscription segment of a resource ID, is not a GUID (8-4-4-4-12 hex digits).",
			Help: "Azure subscription IDs are GUIDs such as 0ac520ee-14c0-480f-b6c9-0a90c585ad47 (no braces). The finding points at the bad group or character. " +
				"Copy the ID again (Azure portal, or `az account show --query id`). A GUID-shaped id (read-only) is checked too: the documentation's own examples have 11-digit last groups."},
		phase: phaseDomain,
		check: checkGUID,
	})
}

var guidGroups = [5]int{8, 4, 4, 4, 12}

var guidOrdinal = [5]string{"first", "second", "third", "fourth", "last"}

// isGUID reports whether s is 8-4-4-4-12 hex digits, in any case.
func isGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isHex(c) {
				return false
			}
		}
	}
	return true
}

func isHex(c byte) bool { return values.IsHex(c) }

// guidShaped matches what is meant to be a GUID: five groups of hex digits.
// Compiled on first use, not at start.
var guidShaped = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9A-Fa-f]+(-[0-9A-Fa-f]+){4}$`) })

// guidProblem explains why s is not a GUID: the byte span [from, to) of s
// at fault and a clause that completes "<what> …". why is "" for a GUID.
func guidProblem(s string) (from, to int, why string) {
	if isGUID(s) {
		return 0, 0, ""
	}
	whole := func(why string) (int, int, string) { return 0, len(s), why }
	if s == "" {
		return whole("is empty: a subscription ID is a GUID of 8-4-4-4-12 hex digits")
	}
	if len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}' {
		inner := s[1 : len(s)-1]
		if isGUID(inner) {
			return whole(fmt.Sprintf("is wrapped in braces: write the GUID without them; did you mean %s?", quoteJSON(inner)))
		}
		return whole(fmt.Sprintf("is the documentation's template %s, not a GUID: write the subscription's ID (8-4-4-4-12 hex digits)", s))
	}
	if lower := strings.ToLower(s); strings.HasPrefix(lower, "urn:uuid:") && isGUID(s[9:]) {
		return whole(fmt.Sprintf("has a urn:uuid: prefix: write the bare GUID; did you mean %s?", quoteJSON(s[9:])))
	}
	if len(s) == 32 && strings.Trim(s, "0123456789abcdefABCDEF") == "" {
		g := s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]
		return whole(fmt.Sprintf("has no hyphens: write it as 8-4-4-4-12 hex digits; did you mean %s?", quoteJSON(g)))
	}
	groups := strings.Split(s, "-")
	if len(groups) != 5 {
		return whole(fmt.Sprintf("has %d group%s separated by '-' where a GUID has five, of 8-4-4-4-12 hex digits", len(groups), pluralS(len(groups))))
	}
	// A character that is not a hex digit, anywhere, is the clearest fault.
	off := 0
	for _, g := range groups {
		for j := 0; j < len(g); {
			r, size := utf8.DecodeRuneInString(g[j:])
			if r >= utf8.RuneSelf || !isHex(byte(r)) {
				hint := ""
				switch r {
				case 'o', 'O':
					hint = "; did you mean the digit 0?"
				case 'l', 'I':
					hint = "; did you mean the digit 1?"
				}
				return off + j, off + j + size, fmt.Sprintf("contains %s, which is not a hexadecimal digit (0-9, a-f)%s", quoteJSON(string(r)), hint)
			}
			j += size
		}
		off += len(g) + 1
	}
	off = 0
	for i, g := range groups {
		if len(g) != guidGroups[i] {
			return off, off + len(g), fmt.Sprintf("has %d hex digits in its %s group %s where a GUID has %d (8-4-4-4-12): a digit is missing or extra",
				len(g), guidOrdinal[i], quoteJSON(g), guidGroups[i])
		}
		off += len(g) + 1
	}
	return whole("is not a GUID of 8-4-4-4-12 hex digits") // not reached
}

// withAdvice appends advice to a clause, unless the clause already ends
// with a suggestion ("did you mean …?").
func withAdvice(why, advice string) string {
	if strings.HasSuffix(why, "?") {
		return why
	}
	return why + "; " + advice
}

func checkGUID(p *pass) {
	if n, core, lead := p.fact(p.theFacts().subscription); n != nil {
		if from, to, why := guidProblem(core); why != "" {
			p.atPart("guid", SeverityError, n, lead+from, lead+to,
				"subscriptionId "+withAdvice(why, "copy it again from the Azure portal or `az account show --query id`"))
		}
	}
	// id is read-only, but when it is meant to be a GUID (the documentation's
	// examples end in an 11-digit group) say so.
	if n, core, lead := p.domainString("id"); n != nil && guidShaped().MatchString(core) {
		if from, to, why := guidProblem(core); why != "" {
			p.atPart("guid", SeverityError, n, lead+from, lead+to, "id "+why+"; id is read-only anyway: remove it from the PATCH body")
		}
	}
	for _, r := range p.resourceIDs() {
		if r.id.subStatus != armSubBad {
			continue
		}
		seg := r.id.segs[r.id.subIdx]
		from, to, why := guidProblem(seg.text)
		p.atPart("guid", SeverityError, r.n, r.lead+seg.start+from, r.lead+seg.start+to,
			fmt.Sprintf("the subscription segment %s of %s %s", quoteJSON(seg.text), p.name(r.n),
				withAdvice(why, "copy the ID again from the resource's Properties page in the Azure portal")))
	}
}
