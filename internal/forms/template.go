package forms

// SubstituteTemplates replaces each unquoted {{name}} of a JSON body by
// "{name}", a string of the same length, so that the body parses and every
// offset stays; it returns the spans replaced.
func SubstituteTemplates(body []byte) ([]byte, []Span) {
	var out []byte
	var spans []Span
	inStr := false
	for i := 0; i < len(body); i++ {
		c := body[i]
		if inStr {
			switch c {
			case '\\':
				i++
			case '"':
				inStr = false
			}
			continue
		}
		if c == '"' {
			inStr = true
			continue
		}
		if c != '{' || i+1 >= len(body) || body[i+1] != '{' {
			continue
		}
		j := i + 2
		for j < len(body) && body[j] != '}' && body[j] != '{' && body[j] != '"' && body[j] != '\\' && body[j] >= 0x20 && body[j] != 0x7f {
			j++
		}
		if j+1 >= len(body) || body[j] != '}' || body[j+1] != '}' {
			continue
		}
		if out == nil {
			out = append([]byte(nil), body...)
		}
		out[i], out[j+1] = '"', '"'
		spans = append(spans, Span{Start: i, End: j + 2})
		i = j + 1
	}
	if out == nil {
		return body, nil
	}
	return out, spans
}
