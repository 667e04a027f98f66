package cdoatlas

import (
	"context"
	"time"
)

// CheckReason is a reason of an application's CDO check in both
// languages, as package classify gives it.
type CheckReason struct {
	Code string `json:"code"`
	DE   string `json:"de"`
	EN   string `json:"en"`
}

// ApplicationListItem is an application as the coordinators' list of a
// call shows it.
type ApplicationListItem struct {
	*Application
	// OfferExpires is when the application's open offer of a seat
	// expires; nil without one.
	OfferExpires *time.Time
	// CheckReasons are the reasons of the CDO check as stored when the
	// application came in; nil when none are stored yet (see
	// SetCheckReasons), empty when the check gave none.
	CheckReasons []CheckReason
}

// ApplicationListService reads the coordinators' list of applications in
// one go, rather than application by application.
type ApplicationListService interface {
	// FindApplicationList returns the applications to a call, those in
	// the status when it is not "", oldest first, each with its open
	// offer and the stored reasons of its check.
	FindApplicationList(ctx context.Context, callID int64, status string) ([]*ApplicationListItem, error)
	// SetCheckReasons stores the reasons of the CDO checks of
	// applications, by application ID, for those that have none stored.
	SetCheckReasons(ctx context.Context, reasons map[int64][]CheckReason) error
}
