package classify

import (
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

func TestTitle(t *testing.T) {
	const (
		cdo   = cdoatlas.RoleCDO
		cio   = cdoatlas.RoleCIO
		cto   = cdoatlas.RoleCTO
		data  = cdoatlas.RoleChiefDataOfficer
		inno  = cdoatlas.RoleInnovation
		smart = cdoatlas.RoleSmartCity
		other = cdoatlas.RoleOther
	)
	for _, tc := range []struct{ name, title, want string }{
		// CDO
		{"ChiefDigitalOfficer", "Chief Digital Officer", cdo},
		{"CDOAbbrev", "CDO", cdo},
		{"CDOWithOrg", "CDO der Hansestadt Rostock", cdo},
		{"Beauftragter", "Digitalisierungsbeauftragter", cdo},
		{"BeauftragteFuer", "Beauftragte für Digitalisierung und Verwaltungsmodernisierung", cdo},
		{"DelegierteCH", "Delegierte für Digitalisierung", cdo},
		{"BinnenI", "BeauftragteR für Digitales", cdo},
		{"Stabsstelle", "Leiterin der Stabsstelle Digitalisierung", cdo},
		{"StabsstelleOnly", "Stabsstelle Digitalisierung", cdo},
		{"HeadOfDigital", "Head of Digital Transformation", cdo},
		{"Amtsleitung", "Amtsleiter Amt für Digitalisierung und Informationstechnik", cdo},
		{"Dezernent", "Dezernentin für Digitalisierung, Bürgerservice und Ordnung", cdo},
		{"CIOAndCDO", "CIO & CDO", cdo},
		{"CDOSlashCIO", "CDO / CIO der Stadt Bonn", cdo},
		{"ChiefDigitalInformation", "Chief Digital & Information Officer (CDIO)", cdo},
		{"DigitalAndIT", "Leiter IT und Digitalisierung", cdo},
		{"GenderColon", "Digitalisierungsbeauftragte:r", cdo},
		// typos
		{"TypoDigtal", "Digtal Officer", cdo},
		{"TypoBeauftragter", "Digitalisierungsbeuftragter", cdo},
		{"TypoChief", "Cheif Digital Officer", cdo},
		{"TypoSwap", "Chief Digtial Officer", cdo},
		{"TypoStabsstelle", "Leiter Stabstelle Digitalisierung", cdo},
		{"TypoDigitalisierung", "Leiter Digitalisierng", cdo},
		// CIO
		{"ITLeiter", "IT-Leiter", cio},
		{"AmtIT", "Leiter Amt für Informationstechnik", cio},
		{"CIO", "CIO", cio},
		{"ChiefInformation", "Chief Information Officer (CIO)", cio},
		{"Informatik", "Leiterin Informatik", cio},
		{"HeadOfIT", "Head of IT", cio},
		{"OrgAndIT", "Fachbereichsleiter Organisation und IT", cio},
		// corporate vice presidents, a Land's IT commissioner
		{"SVPDigital", "SVP Digital Transformation", cdo},
		{"SeniorVicePresident", "Senior Vice President Digital", cdo},
		{"EVPInformationTechnology", "Executive Vice President Information Technology", cio},
		{"Bevollmaechtigter", "Bevollmächtigter des Landes für Informationstechnik", cio},
		{"LandesregierungFuerIT", "Beauftragte der Landesregierung für Informationstechnologie", cio},
		// board membership beside the role
		{"CDOAndBoard", "CDO & Mitglied des Verwaltungsvorstands", cdo},
		{"ChiefDigitalAndBoard", "Chief Digital Officer, Mitglied der Konzernleitung", cdo},
		// CTO, data, innovation, smart city
		{"CTO", "Chief Technology Officer", cto},
		{"ChiefData", "Chief Data Officer (CDO)", data},
		{"CDOData", "CDO – Data & Analytics", data},
		{"HeadOfData", "Head of Data", data},
		{"ChiefInnovationCIO", "Chief Innovation Officer (CIO)", inno},
		{"Innovationsmanager", "Innovationsmanagerin", inno},
		{"TypoInnovation", "Innovatonsmanager", inno},
		{"SmartCityManager", "Smart City Manager", smart},
		{"SmartCityBeauftragte", "Smart-City-Beauftragte (w/m/d)", smart},
		{"SmartRegion", "Smart Region Managerin", smart},
		{"SmartCityProject", "Projektleitung Smart City Modellkommune", smart},
		// traps: other
		{"ChiefDiversity", "Chief Diversity Officer (CDO)", other},
		{"CDU", "CDU", other},
		{"CDUFraktion", "CDU-Fraktionsvorsitzender", other},
		{"Datenschutz", "Datenschutzbeauftragte(r)", other},
		{"DataProtection", "Data Protection Officer", other},
		{"Lotse", "Digitallotse/-lotsin", other},
		{"Referent", "Referent(in) Digitalisierung", other},
		{"ReferentOfCDO", "Persönliche Referentin des CDO", other},
		{"Sachbearbeiter", "Sachbearbeiter Digitalisierung", other},
		{"TechnischerBeigeordneter", "Technischer Beigeordneter", other},
		{"Deputy", "Stellv. Leiter IT", other},
		{"Project", "Projektleiter Digitalisierung", other},
		{"Security", "IT-Sicherheitsbeauftragter", other},
		{"CISO", "Chief Information Security Officer", other},
		{"Gleichstellung", "Gleichstellungsbeauftragte", other},
		{"Chancengleichheit", "Beauftragte für Chancengleichheit", other},
		{"VicePresidentSales", "Vice President Sales", other},
		{"SVPParty", "SVP-Gemeinderat", other},
		{"BoardOnly", "Mitglied des Verwaltungsvorstands", other},
		{"Committee", "Mitglied im Digitalausschuss", other},
		{"OtherProject", "Projektleitung Straßenbau", other},
		{"InformationFreedom", "Landesbeauftragte für Datenschutz und Informationsfreiheit", other},
		{"Mayor", "Oberbürgermeisterin", other},
		{"Marketing", "Digital Marketing Manager", other},
		{"School", "Digitalisierungsbeauftragter Schulen", other},
		{"NoRole", "Leiter Hauptamt", other},
		{"DomainOnly", "Digitalisierung", other},
		{"Empty", "", other},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Title(tc.title, "", "DE")
			if r.Role != tc.want {
				t.Errorf("Title(%q) = %s (%.2f, %v), want %s", tc.title, r.Role, r.Confidence, r.Reasons, tc.want)
			}
			if r.Confidence < 0 || r.Confidence > 1 {
				t.Errorf("confidence %v out of range", r.Confidence)
			}
			if tc.title != "" && len(r.Reasons) == 0 {
				t.Error("no reasons")
			}
			for _, rs := range r.Reasons {
				if rs.Code == "" || rs.DE == "" || rs.EN == "" {
					t.Errorf("incomplete reason %+v", rs)
				}
			}
		})
	}
}

func TestTitleOrganizationIgnored(t *testing.T) {
	r := Title("CDO Köln", "Stadt Köln", "DE")
	if r.Role != cdoatlas.RoleCDO || r.Normalized != "cdo" {
		t.Errorf("got %s %q, want cdo \"cdo\"", r.Role, r.Normalized)
	}
}

func TestTitleReasonsExplainTrap(t *testing.T) {
	r := Title("Datenschutzbeauftragter", "", "DE")
	var codes []string
	for _, rs := range r.Reasons {
		codes = append(codes, rs.Code)
	}
	if !strings.Contains(strings.Join(codes, " "), "data_protection") {
		t.Errorf("reasons %v do not name data protection", codes)
	}
}

func BenchmarkTitle(b *testing.B) {
	titles := []string{
		"Chief Digital Officer (m/w/d)", "Digitalisierungsbeauftragte der Stadt Ulm",
		"Leiter:in Amt für Informationstechnik", "Referent(in) Digitalisierung",
		"Smart City Manager | Landkreis Harz", "Dr. Anna Beispiel, CDO", "CIO & CDO",
		"Datenschutzbeauftragter", "Innovationsmanagerin", "Head of Digital, City of Vienna",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Title(titles[i%len(titles)], "", "DE")
	}
}
