package validate

import (
	"fmt"
	"strings"
)

func init() {
	register(&rule{
		Rule: Rule{ID: "odata-control", Severity: SeverityInfo, Fixable: true,
			Summary: "OData control information or an annotation in a request body (@odata.context, @odata.etag, @odata.id, @microsoft.graph.*, prop@odata.type…).",
			Help:    "Responses carry them; in a request body the service ignores them (OData JSON §4.5), and they hold no data. The fix removes them. @odata.type keeps its own rule; concurrency goes in an If-Match header, not in @odata.etag."},
		phase: phaseValue,
		check: checkODataControl,
	})
}

// isAnnotationKey matches what the schemas' patternProperties accept
// (^[^@]*@(odata|microsoft\.graph)\.): OData control information
// (@odata.*), instance annotations (@microsoft.graph.*) and property
// annotations (prop@odata.*, prop@microsoft.graph.*). Other keys with an
// '@' (a UPN as a key) are left to unknown-property. Hand-written rather
// than a regexp: it runs on every key.
func isAnnotationKey(key string) bool {
	_, term, ok := strings.Cut(key, "@")
	return ok && (strings.HasPrefix(term, "odata.") || strings.HasPrefix(term, "microsoft.graph."))
}

func checkODataControl(rc *ruleContext, out reporter) {
	rc.walk(func(obj *node) {
		if obj.Kind != kindObject || rc.typeOf(obj) == nil {
			return
		}
		for i := range obj.Members {
			key := obj.Members[i].Key
			if key == "@odata.type" || !isAnnotationKey(key) || rc.canonOf(obj).has(i) {
				continue
			}
			f := out.atKey("odata-control", SeverityInfo, obj, i, odataControlMessage(key))
			out.fixRemove(f, obj, i)
		}
	})
}

// odataControlMessage says what the annotation is and why it can go.
func odataControlMessage(key string) string {
	const ignored = "the service ignores it in a request body and it carries no data: the fix removes it"
	prop, term, _ := strings.Cut(key, "@")
	if prop != "" {
		return fmt.Sprintf("%s is an annotation of the property %s; %s", quoteJSON(key), quoteJSON(prop), ignored)
	}
	switch term {
	case "odata.context":
		return "@odata.context is the metadata URL of a response; " + ignored
	case "odata.etag":
		return "@odata.etag is a response's version tag; " + ignored + "; to update only an unchanged entity, send the ETag in an If-Match header"
	case "odata.id", "odata.editLink", "odata.readLink":
		return fmt.Sprintf("@%s is a link of a response (the request URL names the entity); %s", term, ignored)
	}
	if strings.HasPrefix(term, "odata.") {
		return fmt.Sprintf("%s is OData control information of a response; %s", quoteJSON(key), ignored)
	}
	return fmt.Sprintf("%s is an instance annotation; %s", quoteJSON(key), ignored)
}
