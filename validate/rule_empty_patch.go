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

func checkEmptyPatch(p *pass) {
	for _, e := range p.canonOf(p.root) {
		name, i := e.name, e.i
		pm := p.m.root.props[name]
		if pm == nil || pm.readOnly || name == "@odata.type" {
			continue
		}
		v := p.root.Members[i].Val
		if v.Kind == kindString && len(pm.enum) > 0 && v.Str == "unknownFutureValue" {
			continue
		}
		return
	}
	p.atOpen("empty-patch", SeverityWarning, p.root, "the body sets no settable property, so the PATCH changes nothing: add the properties to update")
}
