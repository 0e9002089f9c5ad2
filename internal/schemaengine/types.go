package schemaengine

import (
	"encoding/json"
	"fmt"
)

// jsonType is one JSON Schema type name, as a bit of a TypeSet.
type jsonType uint8

const (
	typeNull jsonType = 1 << iota
	typeBoolean
	typeNumber
	typeInteger
	typeString
	typeArray
	typeObject
)

// typeNames lists the type names in the order in which a KindType
// violation gives them (the order the general engine used).
var typeNames = []struct {
	t    jsonType
	name string
}{
	{typeNull, "null"}, {typeBoolean, "boolean"}, {typeNumber, "number"}, {typeInteger, "integer"},
	{typeString, "string"}, {typeArray, "array"}, {typeObject, "object"},
}

// TypeSet is the types a schema allows; 0 is any.
type TypeSet uint8

func (ts TypeSet) has(t jsonType) bool { return uint8(ts)&uint8(t) != 0 }

// allows says whether v is of an allowed type: a number is an integer when
// its value is whole, whatever its spelling (1.0 and 1e2 are integers).
func (ts TypeSet) allows(v any) bool {
	if ts == 0 {
		return true
	}
	t := typeOf(v)
	if ts.has(t) {
		return true
	}
	return t == typeNumber && ts.has(typeInteger) && isInteger(v)
}

func (ts TypeSet) names() []string {
	var out []string
	for _, e := range typeNames {
		if ts.has(e.t) {
			out = append(out, e.name)
		}
	}
	return out
}

func parseTypes(v any, at string) (TypeSet, error) {
	list, ok := v.([]any)
	if !ok {
		list = []any{v}
	}
	var ts TypeSet
	for _, x := range list {
		name, _ := x.(string)
		found := false
		for _, e := range typeNames {
			if e.name == name {
				ts |= TypeSet(e.t)
				found = true
			}
		}
		if !found {
			return 0, fmt.Errorf("%s: %v is not a JSON Schema type", at, x)
		}
	}
	return ts, nil
}

// typeOf is the JSON type of an instance value (see Validate); 0 for a
// Go value that is not one.
func typeOf(v any) jsonType {
	switch v.(type) {
	case nil:
		return typeNull
	case bool:
		return typeBoolean
	case json.Number:
		return typeNumber
	case string:
		return typeString
	case []any:
		return typeArray
	case Object:
		return typeObject
	}
	return 0
}

func isInteger(v any) bool {
	d, ok := number(v)
	return ok && d.isInteger()
}

// number reads a JSON number value as a decimal.
func number(v any) (Decimal, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return Decimal{}, false
	}
	return parseDecimal(string(n))
}
