package validate

func init() {
	register(&rule{
		Rule: Rule{ID: "empty-patch", Severity: SeverityWarning,
			Summary: "The body sets no settable property.",
			Help:    "After read-only properties, @odata.type, unknown properties and unknownFutureValue (which means \"no change\") are set aside, nothing is left to update."},
		phase: phaseWhole,
		check: checkEmptyPatch,
	})
}

func checkEmptyPatch(rc *ruleContext, out reporter) {
	for _, e := range rc.canonOf(rc.root) {
		name, i := e.name, e.i
		pm := rc.m.root.props[name]
		if pm == nil || pm.readOnly || name == "@odata.type" {
			continue
		}
		v := rc.root.Members[i].Val
		if v.Kind == kindString && len(pm.enum) > 0 && v.Str == "unknownFutureValue" {
			continue
		}
		return
	}
	out.atOpen("empty-patch", SeverityWarning, rc.root, "the body sets no settable property, so the PATCH changes nothing: add the properties to update")
}
