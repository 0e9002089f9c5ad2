package main

import (
	"strings"
	"unicode"
)

// Ports of the parsers the CI agents run over every line a step prints,
// used by the tests to prove that nothing taken from the input is a
// command. Read from:
//   - Azure Pipelines: microsoft/azure-pipelines-agent,
//     src/Agent.Worker/Command.cs (TryParse) and
//     src/Agent.Sdk/CommandStringConvertor.cs (Unescape, with the
//     %AZP25 step the agent applies when it decodes percents).
//   - GitHub Actions: actions/runner, src/Runner.Common/ActionCommand.cs
//     (TryParseV2: "::" at the start of the trimmed line; TryParse: "##["
//     anywhere).
// Both read their input with .NET's line reader, which ends a line at
// LF, CRLF or a lone CR: splitAgentLines does the same.

// agentCommand is a parsed logging command.
type agentCommand struct {
	name  string // "area.event" (Azure) or the command (GitHub)
	props map[string]string
	data  string
	at    int // index of the prefix in the line
}

// splitAgentLines splits output as the agents read it.
func splitAgentLines(out string) []string {
	out = strings.ReplaceAll(out, "\r\n", "\n")
	return strings.FieldsFunc(out, func(r rune) bool { return r == '\n' || r == '\r' })
}

// azUnescape is CommandStringConvertor.Unescape(s, unescapePercents: true).
func azUnescape(s string) string {
	for _, m := range [][2]string{{";", "%3B"}, {"\r", "%0D"}, {"\n", "%0A"}, {"]", "%5D"}} {
		s = strings.ReplaceAll(s, m[1], m[0])
	}
	return strings.ReplaceAll(s, "%AZP25", "%")
}

// azParse is Command.TryParse: "##vso[" anywhere in the line, then up to
// the first "]" the area.event and ";"-separated properties, the rest the
// data.
func azParse(line string) (agentCommand, bool) {
	p := strings.Index(line, "##vso[")
	if p < 0 {
		return agentCommand{}, false
	}
	rb := strings.IndexByte(line[p:], ']')
	if rb < 0 {
		return agentCommand{}, false
	}
	rb += p
	info := line[p+len("##vso[") : rb]
	name, props, hasProps := strings.Cut(info, " ")
	var parts []string
	for _, s := range strings.Split(name, ".") {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) != 2 {
		return agentCommand{}, false
	}
	c := agentCommand{name: parts[0] + "." + parts[1], props: map[string]string{}, at: p}
	if hasProps && strings.IndexByte(info, ' ') > 0 {
		for _, kv := range strings.Split(props, ";") {
			k, v, ok := strings.Cut(kv, "=")
			if ok && k != "" && v != "" {
				c.props[strings.ToLower(k)] = azUnescape(v)
			}
		}
	}
	c.data = azUnescape(line[rb+1:])
	return c, true
}

// ghUnescape undoes the runner's escapes in the given order.
func ghUnescape(s string, pairs [][2]string) string {
	for _, m := range pairs {
		s = strings.ReplaceAll(s, m[1], m[0])
	}
	return s
}

var (
	ghDataPairs     = [][2]string{{"\r", "%0D"}, {"\n", "%0A"}, {"%", "%25"}}
	ghPropertyPairs = [][2]string{{"\r", "%0D"}, {"\n", "%0A"}, {":", "%3A"}, {",", "%2C"}, {"%", "%25"}}
)

// ghParseV2 is ActionCommand.TryParseV2 without the registered-command
// check (any name counts: stricter).
func ghParseV2(line string) (agentCommand, bool) {
	m := strings.TrimLeftFunc(line, unicode.IsSpace)
	if !strings.HasPrefix(m, "::") {
		return agentCommand{}, false
	}
	end := strings.Index(m[2:], "::")
	if end < 0 {
		return agentCommand{}, false
	}
	end += 2
	info := m[2:end]
	name, props, hasProps := strings.Cut(info, " ")
	c := agentCommand{name: name, props: map[string]string{}}
	if hasProps && strings.IndexByte(info, ' ') > 0 {
		for _, kv := range strings.Split(strings.TrimSpace(props), ",") {
			k, v, ok := strings.Cut(kv, "=")
			if ok && k != "" && v != "" {
				c.props[strings.ToLower(k)] = ghUnescape(v, ghPropertyPairs)
			}
		}
	}
	c.data = ghUnescape(m[end+2:], ghDataPairs)
	return c, true
}

// ghParseV1 reports where ActionCommand.TryParse would find "##[" followed
// by a "]" (any command name counts: stricter), or -1.
func ghParseV1(line string) int {
	p := strings.Index(line, "##[")
	if p < 0 || strings.IndexByte(line[p:], ']') < 0 {
		return -1
	}
	return p
}
