package validate

func init() {
	register(&rule{
		Rule: Rule{ID: "arm-id", Severity: SeverityError,
			Summary: "resourceGroupId, virtualNetworkId or the subnet ID is not of the documented form, or a name in it breaks Azure's naming rules.",
			Help: "The forms are /subscriptions/{subscription-id}/resourceGroups/{resourceGroupName}, " +
				"…/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName} and …/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}: " +
				"no URL host, a leading '/', no trailing '/', no empty segments. Names: resource group 1–90 Unicode letters or digits, '_', '-', '.', '(' or ')', not ending in '.'; " +
				"virtual network 2–64 and subnet 1–80 ASCII letters, digits, '_', '.' or '-', starting with a letter or digit and ending with a letter, digit or '_'. " +
				"The finding points at the segment at fault. Copy the ID from the resource's Properties page (Resource ID) in the Azure portal."},
		phase: phaseDomain,
		check: checkARMID,
	})
}

func checkARMID(rc *ruleContext, out reporter) {
	for _, r := range rc.resourceIDs() {
		for _, is := range r.id.Issues {
			if r.core == "" {
				out.atValue("arm-id", SeverityError, r.n, rc.name(r.n)+" "+is.Msg)
				continue
			}
			atCore(out, "arm-id", SeverityError, r.n, r.lead, len(r.core), is.From, is.To, rc.name(r.n)+" "+is.Msg)
		}
	}
}
