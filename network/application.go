package network

import (
	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/classify"
)

// CheckApplication runs the CDO check of classify.Classify on what the
// applicant wrote (title, tasks, placement) and on their organization
// (name, country), and decides the application's status by it: received
// for a yes, declined for a no, review by the coordinator for unknown. It
// sets a.Check, a.Archetype, a.Reasons (English), a.Explanations (German
// and English, for the coordinators' list) and a.Status.
//
// Call it on an application as Validate left it and, when the applicant
// picked an organization from the registry, after
// Application.UseOrganization: the check reads the organization's name
// and country. Store.CreateApplication stores what it is given and
// refuses an application that was not checked.
func CheckApplication(a *cdoatlas.Application) {
	out := classify.Classify(classify.Input{Title: a.Title, Tasks: a.Tasks, Placement: a.Placement,
		Organization: a.OrganizationName, Country: a.Country})
	a.Check, a.Archetype, a.Reasons = out.CDOCheck, out.Archetype, out.Reasons
	switch a.Check {
	case cdoatlas.CheckYes:
		a.Status = cdoatlas.ApplicationReceived
	case cdoatlas.CheckNo:
		a.Status = cdoatlas.ApplicationDeclined
	default:
		a.Status = cdoatlas.ApplicationReview
	}
	a.Explanations = make([]cdoatlas.CheckReason, len(out.Explanations))
	for i, e := range out.Explanations {
		a.Explanations[i] = cdoatlas.CheckReason{Code: e.Code, DE: e.DE, EN: e.EN}
	}
}
