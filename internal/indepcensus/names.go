package indepcensus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Common first and last names (fictional people; many namesakes on purpose).
// Earlier entries are drawn more often.
var (
	firstF = []string{"Andrea", "Sabine", "Claudia", "Julia", "Anna", "Stefanie", "Katharina", "Susanne", "Nicole", "Christina",
		"Petra", "Sandra", "Melanie", "Laura", "Lena", "Sarah", "Monika", "Birgit", "Martina", "Daniela", "Barbara", "Jana",
		"Anja", "Eva", "Kerstin", "Simone", "Ursula", "Maria", "Sophie", "Miriam", "Franziska", "Nadine", "Anna-Lena", "Céline", "Chiara"}
	firstM = []string{"Thomas", "Michael", "Andreas", "Stefan", "Christian", "Markus", "Daniel", "Frank", "Martin", "Alexander",
		"Peter", "Jürgen", "Tobias", "Matthias", "Sebastian", "Florian", "Jan", "Jens", "Uwe", "Dirk", "Klaus", "Wolfgang",
		"Lukas", "Philipp", "Jörg", "Oliver", "Ralf", "Bernd", "Georg", "Hans-Peter", "Karl-Heinz", "Reto", "Urs", "Beat", "Luca", "Marco"}
	lastDE = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
		"Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
		"Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid",
		"Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang",
		"Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger",
		"Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter",
		"Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich",
		"Brandt", "Haas", "Schreiber", "Graf", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch"}
	lastAT = []string{"Gruber", "Huber", "Bauer", "Wagner", "Müller", "Pichler", "Steiner", "Moser", "Mayer", "Hofer",
		"Leitner", "Berger", "Fuchs", "Eder", "Fischer", "Schmid", "Winkler", "Weber", "Schwarz", "Maier", "Schneider",
		"Reiter", "Mayr", "Schmidt", "Wimmer", "Egger", "Brunner", "Lang", "Baumgartner", "Auer", "Binder", "Lechner",
		"Wolf", "Wallner", "Aigner", "Ebner", "Koller", "Lehner", "Haas", "Schuster"}
	lastCH = []string{"Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider", "Meyer", "Steiner", "Fischer",
		"Gerber", "Brunner", "Baumann", "Frei", "Zimmermann", "Moser", "Widmer", "Wyss", "Graf", "Roth", "Suter",
		"Baumgartner", "Bachmann", "Studer", "Bühler", "Favre", "Rochat", "Bonvin", "Bernasconi", "Rossi", "Kälin", "Marti",
		"Lüthi", "Zürcher", "Hofer", "Sutter"}
)

// zipf draws an index in [0,n) with a strong preference for small indices.
func zipf(r *rand.Rand, n int) int {
	// mixture: 45% from the first tenth, rest uniform
	if r.IntN(100) < 45 {
		return r.IntN(max(1, n/10))
	}
	return r.IntN(n)
}

type person struct {
	ID       string
	First    string
	Last     string
	Gender   string // f, m, d
	Doctor   bool
	Prof     bool
	Birth    int
	LinkedIn string // profile URL, may be empty
	Xing     string
	Primary  string // linkedin or xing
}

func (p *person) Name() string { return p.First + " " + p.Last }

func nameKey(first, last string) string {
	return strings.ToLower(translit(first + " " + last))
}

// newPerson invents a person of a country; xing holds the XING profile
// URLs given so far.
func newPerson(r *rand.Rand, id, country string, xing map[string]bool) *person {
	p := &person{ID: id}
	switch g := r.IntN(100); {
	case g < 46:
		p.Gender = "f"
		p.First = firstF[zipf(r, len(firstF))]
	case g < 99:
		p.Gender = "m"
		p.First = firstM[zipf(r, len(firstM))]
	default:
		p.Gender = "d"
		if r.IntN(2) == 0 {
			p.First = firstF[r.IntN(len(firstF))]
		} else {
			p.First = firstM[r.IntN(len(firstM))]
		}
	}
	switch country {
	case "AT":
		p.Last = lastAT[zipf(r, len(lastAT))]
	case "CH":
		p.Last = lastCH[zipf(r, len(lastCH))]
	default:
		p.Last = lastDE[zipf(r, len(lastDE))]
	}
	p.Doctor = r.IntN(100) < 18
	p.Prof = p.Doctor && r.IntN(100) < 10
	p.Birth = 1960 + r.IntN(36)
	slug := strings.ToLower(strings.ReplaceAll(translit(p.First+" "+p.Last), " ", "-"))
	if r.IntN(100) < 85 {
		p.LinkedIn = fmt.Sprintf("https://www.linkedin.com/in/%s-%06x", slug, r.Uint32()&0xffffff)
	}
	if p.LinkedIn == "" || r.IntN(100) < 45 {
		// A XING profile URL names one account: the number that follows a
		// common name grows until the URL is free, as XING's own do.
		first, last := strings.ReplaceAll(translit(p.First), " ", "_"), strings.ReplaceAll(translit(p.Last), " ", "_")
		for n := 1 + r.IntN(99); p.Xing == "" || xing[p.Xing]; n += 100 {
			p.Xing = fmt.Sprintf("https://www.xing.com/profile/%s_%s%d", first, last, n)
		}
		xing[p.Xing] = true
	}
	p.Primary = "linkedin"
	if p.LinkedIn == "" {
		p.Primary = "xing"
	}
	return p
}

// linkedinURLForm writes the same LinkedIn profile in one of the forms exports contain.
func linkedinURLForm(r *rand.Rand, u string) string {
	switch r.IntN(10) {
	case 0:
		return u + "/"
	case 1:
		return strings.Replace(u, "https://www.", "https://de.", 1)
	case 2:
		return strings.TrimPrefix(u, "https://www.")
	}
	return u
}

// nameForm writes the person's name in one of the forms seen in exports.
func nameForm(r *rand.Rand, p *person, style string) string {
	first, last := p.First, p.Last
	title := ""
	if p.Doctor && r.IntN(100) < 60 {
		title = "Dr. "
		if p.Prof && r.IntN(2) == 0 {
			title = "Prof. Dr. "
		}
	}
	switch style {
	case "press":
		switch r.IntN(10) {
		case 0, 1:
			return last + ", " + first
		case 2:
			return title + translit(first) + " " + translit(last)
		}
		return title + first + " " + last
	case "self":
		if r.IntN(8) == 0 {
			return last + ", " + first
		}
		return first + " " + last
	}
	switch r.IntN(20) {
	case 0, 1, 2:
		return last + ", " + first
	case 3:
		return strings.ToUpper(first + " " + last)
	case 4:
		return strings.ToUpper(translit(first + " " + last))
	case 5, 6:
		return translit(first + " " + last)
	case 7, 8, 9:
		return title + first + " " + last
	case 10:
		if title != "" {
			return last + ", " + first + ", " + strings.TrimSpace(title)
		}
	}
	return first + " " + last
}

// ---- titles ----

func cdoTitle(r *rand.Rand, g string, company bool) string {
	if company {
		return pick(r, []string{"Chief Digital Officer", "CDO", "Chief Digital Officer (CDO)", "Head of Digital", "Chief Digital Officer"})
	}
	f := g == "f"
	switch r.IntN(12) {
	case 0, 1:
		return "Chief Digital Officer"
	case 2:
		return "CDO"
	case 3:
		return "Chief Digital Officer (CDO)"
	case 4, 5:
		if f {
			return "Digitalisierungsbeauftragte"
		}
		return "Digitalisierungsbeauftragter"
	case 6:
		if f {
			return "Beauftragte für Digitalisierung"
		}
		return "Beauftragter für Digitalisierung"
	case 7:
		if f {
			return "Leiterin der Stabsstelle Digitalisierung"
		}
		return "Leiter Stabsstelle Digitalisierung"
	case 8:
		if f {
			return "Leiterin Stabsstelle Digitalisierung"
		}
		return "Leiter der Stabsstelle Digitalisierung"
	case 9:
		if f {
			return "Digitalisierungsverantwortliche"
		}
		return "Digitalisierungsverantwortlicher"
	case 10:
		return "Head of Digital"
	}
	return "Chief Digital Officer"
}

// otherLeaderTitle: digital leadership that is not a CDO.
func otherLeaderTitle(r *rand.Rand, g string) string {
	f := g == "f"
	t := pick(r, []string{"Chief Information Officer", "CIO", "IT-Leiter", "Leiter IT", "Chief Technology Officer", "CTO",
		"Chief Data Officer", "Head of Data", "Smart City Manager", "Chief Innovation Officer", "CIO", "IT-Leiter"})
	if f {
		switch t {
		case "IT-Leiter":
			return "IT-Leiterin"
		case "Leiter IT":
			return "Leiterin IT"
		case "Smart City Manager":
			return "Smart City Managerin"
		}
	}
	return t
}

func fillerTitle(r *rand.Rand, g string) string {
	f := g == "f"
	m := []string{"Sachbearbeiter", "Referent Digitalisierung", "Projektleiter", "Amtsleiter Bauamt", "Sachbearbeiter Bürgerservice",
		"Teamleiter Personal", "Projektleiter Digitalisierung", "Assistenz des Chief Digital Officer", "Büroleiter des Bürgermeisters",
		"Kämmerer", "Werkstudent Digitalisierung", "Referent für Onlinezugangsgesetz"}
	w := []string{"Sachbearbeiterin", "Referentin Digitalisierung", "Projektleiterin", "Amtsleiterin Bauamt", "Sachbearbeiterin Bürgerservice",
		"Teamleiterin Personal", "Projektleiterin Digitalisierung", "Assistenz des Chief Digital Officer", "Büroleiterin des Bürgermeisters",
		"Kämmerin", "Werkstudentin Digitalisierung", "Referentin für Onlinezugangsgesetz"}
	if f {
		return pick(r, w)
	}
	return pick(r, m)
}

func exTitle(r *rand.Rand, g string) string {
	switch r.IntN(4) {
	case 0:
		return "Ex-CDO"
	case 1:
		if g == "f" {
			return "ehemalige Chief Digital Officer"
		}
		return "ehemaliger Chief Digital Officer"
	case 2:
		return "Former Chief Digital Officer"
	}
	return "Ex-Chief Digital Officer"
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func genderCell(r *rand.Rand, g, style string) string {
	switch style {
	case "en":
		switch g {
		case "f":
			return pick(r, []string{"female", "f", "Female"})
		case "m":
			return pick(r, []string{"male", "m", "Male"})
		}
		return pick(r, []string{"diverse", "d"})
	case "wm":
		switch g {
		case "f":
			return "w"
		case "m":
			return "m"
		}
		return "d"
	}
	switch g {
	case "f":
		return pick(r, []string{"weiblich", "w", "f"})
	case "m":
		return pick(r, []string{"männlich", "m"})
	}
	return pick(r, []string{"divers", "d"})
}
