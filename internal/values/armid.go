package values

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/azconn/azconn/internal/jsontext"
)

// An Azure Resource Manager resource ID parser for the three IDs of a
// connection, in exactly the forms the Graph documentation gives (facts
// §5.2):
//
//	resourceGroupId   /subscriptions/{guid}/resourceGroups/{rg}
//	virtualNetworkId  /subscriptions/{guid}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{vnet}
//	subnet ID         …/virtualNetworks/{vnet}/subnets/{subnet}
//
// Fixed segments compare case-insensitively (ARM does; their case is the
// arm-id-case rule's business), names are checked against Azure's naming
// rules, and every problem carries the byte span of the segment at fault.

// ResourceKind is which of the three resource IDs is parsed.
type ResourceKind uint8

// The kinds of resource ID.

const (
	ResourceGroup ResourceKind = iota
	VirtualNetwork
	Subnet
)

// armForm is the longest documented form; "" marks a name slot.
var armForm = [...]string{"subscriptions", "", "resourceGroups", "", "providers", "Microsoft.Network", "virtualNetworks", "", "subnets", ""}

// armSlot names the name slots of armForm as the documentation writes them.
var armSlot = map[int]string{1: "{subscription-id}", 3: "{resourceGroupName}", 7: "{virtualNetworkName}", 9: "{subnetName}"}

// armLen is how many segments each kind has.
var armLen = [...]int{ResourceGroup: 4, VirtualNetwork: 8, Subnet: 10}

var armWhat = [...]string{ResourceGroup: "resource group", VirtualNetwork: "virtual network", Subnet: "subnet"}

// armShape renders the documented form of kind.
func armShape(kind ResourceKind) string { return armRender(0, armLen[kind]) }

// armRender renders segments [from, to) of the form, with placeholders.
func armRender(from, to int) string {
	var b strings.Builder
	for i := from; i < to; i++ {
		b.WriteByte('/')
		if armForm[i] == "" {
			b.WriteString(armSlot[i])
		} else {
			b.WriteString(armForm[i])
		}
	}
	return b.String()
}

// Segment is one segment: its text and byte span in the parsed string.
type Segment struct {
	Text       string
	Start, End int
}

// Miscase is a fixed segment spelled in another case than the canonical.
type Miscase struct {
	Seg       int // index in Segs
	Canonical string
}

// The status of the subscription segment (ResourceID.SubStatus).
const (
	SubAbsent   = iota // not located (structure broken before it)
	SubOK              // a GUID
	SubBad             // not a GUID: the guid rule reports it
	SubTemplate        // a template reference: not checked
)

// ResourceID is a parsed resource ID.
type ResourceID struct {
	Kind      ResourceKind
	Segs      []Segment // the non-empty segments, in order
	Issues    []Issue
	Miscased  []Miscase
	SubIdx    int // index in Segs of the subscription, or -1
	SubStatus int
	// Templated is set when a name segment is a template reference: the ID
	// is not compared with the others.
	Templated bool
}

// Valid reports whether the ID has the documented form with valid names
// and a GUID subscription.
func (id *ResourceID) Valid() bool {
	return len(id.Issues) == 0 && id.SubStatus == SubOK && !id.Templated
}

// Slot returns the text of form slot i (3: resource group, 7: vnet,
// 9: subnet), or "" when absent.
func (id *ResourceID) Slot(i int) string {
	if i < len(id.Segs) {
		return id.Segs[i].Text
	}
	return ""
}

// urlPrefix returns the length of a leading "https://host" in s, or 0.
func urlPrefix(s string) int {
	lower := strings.ToLower(s)
	for _, scheme := range []string{"https://", "http://"} {
		if strings.HasPrefix(lower, scheme) {
			rest := s[len(scheme):]
			if i := strings.IndexByte(rest, '/'); i >= 0 {
				return len(scheme) + i
			}
			return len(s)
		}
	}
	return 0
}

// ParseResourceID parses s (the core of a value) as a resource ID of kind.
func ParseResourceID(s string, kind ResourceKind) *ResourceID {
	id := &ResourceID{Kind: kind, SubIdx: -1}
	path, off, ok := id.absolutePath(s)
	if !ok {
		return id
	}
	id.split(path, off)
	if id.checkSegments() {
		id.checkLength(s)
	}
	return id
}

func (id *ResourceID) issue(from, to int, msg string) {
	id.Issues = append(id.Issues, Issue{From: from, To: to, Level: Error, Msg: msg})
}

// absolutePath returns the path of s to split, with the offset of its
// first byte in s (a leading URL dropped, a missing leading '/' added, a
// trailing '/' dropped, each reported), or false when s is no path at all.
func (id *ResourceID) absolutePath(s string) (path string, off int, ok bool) {
	if s == "" {
		id.issue(0, 0, "is empty: write the full ID, "+armShape(id.Kind))
		return "", 0, false
	}
	path = s
	if u := urlPrefix(s); u > 0 {
		id.issue(0, u, fmt.Sprintf("starts with the URL %s: a resource ID is only the path that follows the host; remove it", jsontext.Quote(s[:u])))
		path, off = s[u:], u
		if path == "" {
			return "", 0, false
		}
	}
	if path[0] != '/' {
		if path, off, ok = id.relativePath(s, path, off); !ok {
			return "", 0, false
		}
	}
	if t := strings.TrimRight(path, "/"); len(t) > 0 && len(t) < len(path) {
		id.issue(off+len(t), off+len(path), "ends with '/': remove the trailing slash")
		path = t
	}
	return path, off, true
}

// relativePath handles a path without its leading '/': one that starts
// with subscriptions gets it back; a bare name or any other start is no
// resource ID.
func (id *ResourceID) relativePath(s, path string, off int) (string, int, bool) {
	first := path
	if j := strings.IndexByte(path, '/'); j >= 0 {
		first = path[:j]
	}
	switch {
	case strings.EqualFold(first, "subscriptions"):
		id.issue(off, off+len(first), fmt.Sprintf("does not start with '/': a resource ID is an absolute path; write %s", jsontext.Quote("/"+path)))
		return "/" + path, off - 1, true
	case !strings.Contains(path, "/"):
		id.issue(0, len(s), fmt.Sprintf("is a bare name, not a resource ID: write the full ID of the %s, %s", armWhat[id.Kind], armShape(id.Kind)))
	default:
		id.issue(off, off+len(first), fmt.Sprintf("must start with /subscriptions/: write the full ID, %s", armShape(id.Kind)))
	}
	return "", 0, false
}

// split cuts path (which starts with '/') into its segments, reporting
// empty ones at their second slash: a run of extra slashes is one cause,
// so one issue over it.
func (id *ResourceID) split(path string, off int) {
	for i := 1; i <= len(path); {
		j := strings.IndexByte(path[i:], '/')
		if j < 0 {
			j = len(path) - i
		}
		if j > 0 {
			id.Segs = append(id.Segs, Segment{path[i : i+j], off + i, off + i + j})
			i += j + 1
			continue
		}
		k := i
		for k < len(path) && path[k] == '/' {
			k++
		}
		switch {
		case k == i+1:
			id.issue(off+i, off+k, "has an empty segment (\"//\"): remove the extra '/'")
		case k > i+1:
			id.issue(off+i, off+k, fmt.Sprintf("has %d empty segments (a run of '/'): remove the extra slashes", k-i))
		}
		i = max(k, i+1)
	}
}

// checkSegments checks each segment against the form: fixed segments
// (miscased ones recorded), the subscription, and the names. It returns
// false when the structure is broken, which leaves the length unchecked.
func (id *ResourceID) checkSegments() bool {
	want := armLen[id.Kind]
	for i := 0; i < len(id.Segs) && i < want; i++ {
		seg := id.Segs[i]
		if fixed := armForm[i]; fixed != "" {
			switch {
			case seg.Text == fixed:
			case strings.EqualFold(seg.Text, fixed):
				id.Miscased = append(id.Miscased, Miscase{i, fixed})
			default:
				id.issue(seg.Start, seg.End, armWrongFixed(i, seg.Text, id.Kind))
				return false
			}
			continue
		}
		// A name slot holding the next fixed segment: the name is missing.
		if i+1 < want && strings.EqualFold(seg.Text, armForm[i+1]) && len(id.Segs) < want {
			id.issue(seg.Start, seg.End, fmt.Sprintf("lacks the %s before %s: write the full ID, %s", armSlotWhat(i), jsontext.Quote(seg.Text), armShape(id.Kind)))
			return false
		}
		id.checkSlot(i, seg)
	}
	return true
}

// checkSlot checks the name slot i (the subscription at 1): a template
// reference is not checked.
func (id *ResourceID) checkSlot(i int, seg Segment) {
	if i == 1 {
		id.SubIdx = i
		switch {
		case IsTemplate(seg.Text):
			id.SubStatus = SubTemplate
		case IsGUID(seg.Text):
			id.SubStatus = SubOK
		default:
			id.SubStatus = SubBad
		}
		return
	}
	if IsTemplate(seg.Text) {
		id.Templated = true
		return
	}
	var from, to int
	var why string
	switch i {
	case 3:
		from, to, why = ResourceGroupNameProblem(seg.Text)
	case 7:
		from, to, why = NetworkNameProblem(seg.Text, "virtual network", 2, 64)
	case 9:
		from, to, why = NetworkNameProblem(seg.Text, "subnet", 1, 80)
	}
	if why != "" {
		id.issue(seg.Start+from, seg.Start+to, fmt.Sprintf("has the %s %s, which %s", armSlotWhat(i), jsontext.Quote(seg.Text), why))
	}
}

// checkLength reports an ID with fewer or more segments than its kind's.
func (id *ResourceID) checkLength(s string) {
	segs, want := id.Segs, armLen[id.Kind]
	switch have := len(segs); {
	case have < want:
		what := "has no segments"
		switch have {
		case 0:
		case 2:
			what = "is a subscription ID"
		case 4:
			what = "is a resource group ID"
		case 8:
			what = "is a virtual network ID"
		default:
			what = fmt.Sprintf("ends after %s", jsontext.Quote(segs[have-1].Text))
		}
		id.issue(0, len(s), fmt.Sprintf("%s: the %s ID needs %s at the end (the form is %s)", what, armWhat[id.Kind], armRender(have, want), armShape(id.Kind)))
	case have > want:
		id.issue(segs[want].Start-1, len(s), id.tooLong(s, want))
	}
}

// tooLong says what an ID with extra segments after segment want is.
func (id *ResourceID) tooLong(s string, want int) string {
	next, cut := id.Segs[want].Text, s[:id.Segs[want].Start-1]
	switch {
	case id.Kind == ResourceGroup && strings.EqualFold(next, "providers"):
		return fmt.Sprintf("is the ID of a resource inside the group, not of the group: it must end at the resource group's name; did you mean %s?", jsontext.Quote(cut))
	case id.Kind == VirtualNetwork && strings.EqualFold(next, "subnets"):
		return fmt.Sprintf("is a subnet ID, not a virtual network ID: it must end at the virtual network's name; did you mean %s?", jsontext.Quote(cut))
	}
	return fmt.Sprintf("has extra segments after the %s name: remove %s (the form is %s)", armWhat[id.Kind], jsontext.Quote(s[id.Segs[want].Start-1:]), armShape(id.Kind))
}

func armSlotWhat(i int) string {
	switch i {
	case 1:
		return "subscription ID"
	case 3:
		return "resource group name"
	case 7:
		return "virtual network name"
	}
	return "subnet name"
}

// armWrongFixed explains a fixed segment that is not the expected one.
func armWrongFixed(i int, got string, kind ResourceKind) string {
	want := armForm[i]
	// A later fixed segment: a part is missing.
	for j := i + 1; j < armLen[kind]; j++ {
		if armForm[j] != "" && strings.EqualFold(got, armForm[j]) {
			return fmt.Sprintf("lacks %s before %s (the form is %s)", jsontext.Quote(armRender(i, j)), jsontext.Quote(got), armShape(kind))
		}
	}
	hint := ""
	if near := nearest(got, []string{want}); near != "" {
		hint = fmt.Sprintf("; did you mean %s?", jsontext.Quote(near))
	}
	switch i {
	case 0:
		return fmt.Sprintf("must start with /subscriptions/{subscription-id}, not with %s%s", jsontext.Quote(got), hint)
	case 5:
		if hint == "" {
			hint = fmt.Sprintf(": it must be the ID of a %s", armWhat[kind])
		}
		return fmt.Sprintf("has the provider namespace %s, but virtual networks belong to \"Microsoft.Network\"%s", jsontext.Quote(got), hint)
	case 6:
		if hint == "" {
			hint = fmt.Sprintf(": it must be the ID of a %s", armWhat[kind])
		}
		return fmt.Sprintf("has the resource type %s where \"virtualNetworks\" belongs%s", jsontext.Quote(got), hint)
	}
	prev := map[int]string{2: "the subscription ID", 4: "the resource group name", 8: "the virtual network name"}[i]
	return fmt.Sprintf("has %s after %s where %s belongs (the form is %s)%s", jsontext.Quote(got), prev, jsontext.Quote(want), armShape(kind), hint)
}

// docTemplate reports whether a name is a documentation placeholder such as
// {resourceGroupName}.
func docTemplate(s string) bool {
	return len(s) >= 2 && s[0] == '{' && s[len(s)-1] == '}'
}

// ResourceGroupNameProblem checks a resource group name against Azure's rules: 1–90
// letters or digits as .NET's Char.IsLetterOrDigit defines them (Unicode
// categories Lu Ll Lt Lm Lo Nd, one UTF-16 unit each), '_', '-', '.', '(',
// ')'; not ending in '.'. It returns the span at fault and a clause
// completing "…, which …".
func ResourceGroupNameProblem(s string) (from, to int, why string) {
	if docTemplate(s) {
		return 0, len(s), "is the documentation's placeholder: write the real resource group name"
	}
	units := 0
	for i, r := range s {
		size := utf8.RuneLen(r)
		switch {
		case r == '_' || r == '-' || r == '.' || r == '(' || r == ')':
		case r <= 0xFFFF && (unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.Lo, unicode.Nd)):
		default:
			return i, i + size, "contains " + NameChar(r) + ": resource group names take only letters, digits, '_', '-', '.', '(' and ')'" + charHint(r)
		}
		units++
	}
	if units > 90 {
		return 0, len(s), fmt.Sprintf("is %d characters long: resource group names have 1 to 90", units)
	}
	if strings.HasSuffix(s, ".") {
		return len(s) - 1, len(s), "ends with '.': resource group names cannot; remove it"
	}
	return 0, 0, ""
}

// NetworkNameProblem checks a virtual network (2–64) or subnet (1–80) name:
// ASCII letters, digits, '_', '.', '-'; starting with a letter or digit,
// ending with a letter, digit or '_'.
func NetworkNameProblem(s, what string, minLen, maxLen int) (from, to int, why string) {
	if docTemplate(s) {
		return 0, len(s), fmt.Sprintf("is the documentation's placeholder: write the real %s name", what)
	}
	for i, r := range s {
		if !(r < utf8.RuneSelf && (IsAlnum(byte(r)) || r == '_' || r == '.' || r == '-')) {
			return i, i + utf8.RuneLen(r), fmt.Sprintf("contains %s: %s names take only ASCII letters, digits, '_', '.' and '-'%s", NameChar(r), what, charHint(r))
		}
	}
	if !IsAlnum(s[0]) {
		return 0, 1, fmt.Sprintf("starts with '%c': %s names start with a letter or digit", s[0], what)
	}
	if c := s[len(s)-1]; !IsAlnum(c) && c != '_' {
		return len(s) - 1, len(s), fmt.Sprintf("ends with '%c': %s names end with a letter, digit or '_'", c, what)
	}
	if len(s) < minLen || len(s) > maxLen {
		return 0, len(s), fmt.Sprintf("is %d character%s long: %s names have %d to %d", len(s), pluralS(len(s)), what, minLen, maxLen)
	}
	return 0, 0, ""
}

// IsAlnum reports whether c is an ASCII letter or digit.
func IsAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// NameChar renders a character for a message.
func NameChar(r rune) string {
	switch {
	case r == ' ':
		return "a space"
	case unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Mn, r):
		return fmt.Sprintf("U+%04X", r)
	}
	return jsontext.Quote(string(r))
}

func charHint(r rune) string {
	switch {
	case r == '#':
		return " ('#' also breaks URL parsing in Resource Manager requests)"
	case unicode.Is(unicode.Mn, r):
		return " (a combining mark: write the precomposed letter, Unicode NFC)"
	case r > 0xFFFF:
		return " (a character outside the Basic Multilingual Plane, which Azure's per-UTF-16-unit check rejects)"
	}
	return ""
}
