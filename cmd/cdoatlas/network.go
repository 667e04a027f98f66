package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cdoatlas/cdoatlas"
	"github.com/cdoatlas/cdoatlas/network"
)

// runNetwork runs `network propose`: whom to admit to a capped circle,
// read from files, without a database.
func (m *Main) runNetwork(ctx context.Context, args []string) error {
	if err := m.subcommand(args, "network", "propose", "network propose --capacity N --applications FILE [--members FILE] [--format json|text]"); err != nil {
		return err
	}
	fs := m.flagSet("network")
	capacity := fs.Int("capacity", -1, "seats of the circle, the members' included (required)")
	applications := fs.String("applications", "", "the applications, CSV or XLSX (required); columns "+strings.Join(network.Columns, ", "))
	members := fs.String("members", "", "the current members, CSV or XLSX with the same columns")
	format := fs.String("format", "json", "json or text")
	lang := fs.String("lang", "en", "language of the reasons: en or de")
	weights := fs.String("weights", "", "weights of the balance goals, e.g. region=3,gender=2 (others keep their defaults: size_class=3, region=2, country=2, gender=2, kind=1, archetype=1)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("unexpected argument %q: give the files with --applications and --members", fs.Arg(0))
	case *capacity < 0:
		return errors.New("give the seats of the circle: --capacity N")
	case *applications == "":
		return errors.New("give the applications file: --applications FILE")
	case *format != "json" && *format != "text":
		return fmt.Errorf("unknown --format %q: json or text", *format)
	case *lang != "en" && *lang != "de":
		return fmt.Errorf("unknown --lang %q: en or de", *lang)
	}
	goals, err := parseWeights(*weights)
	if err != nil {
		return err
	}
	// Read both files before deciding, and report the problems of both.
	var problems cdoatlas.FileErrors
	read := func(path string) []network.Candidate {
		if path == "" {
			return nil
		}
		cs, err := readCandidatesFile(path)
		problems = addFileProblems(problems, path, err)
		return cs
	}
	apps, mems := read(*applications), read(*members)
	if len(problems) > 0 {
		return problems
	}
	p, err := network.Propose(*capacity, mems, apps, goals)
	if err != nil {
		return err
	}
	if *format == "text" {
		return writeProposalText(m.Stdout, *lang, *capacity, mems, apps, p)
	}
	return writeProposalJSON(m.Stdout, *lang, p)
}

// parseWeights reads --weights: NAME=NUMBER pairs separated by commas over
// the default goals.
func parseWeights(s string) (network.Goals, error) {
	goals := network.DefaultGoals()
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		name, value, ok := strings.Cut(part, "=")
		w, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if !ok || err != nil {
			return goals, fmt.Errorf("--weights: want NAME=NUMBER (e.g. region=3), got %q", part)
		}
		goals.Weights[strings.TrimSpace(name)] = w
	}
	return goals, goals.Validate()
}

// readCandidatesFile reads an applications or members file. Its errors
// name the file.
func readCandidatesFile(path string) ([]network.Candidate, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open: %w", errors.Unwrap(err))
	}
	defer f.Close()
	name := filepath.Base(path)
	cs, err := network.ReadCandidates(f, name)
	return cs, nameFile(err, name)
}

// writeProposalJSON writes the proposal in the form of DESIGN §5.
func writeProposalJSON(w io.Writer, lang string, p *network.Proposal) error {
	type declined struct {
		ID     string `json:"id"`
		Reason string `json:"reason"`
	}
	out := struct {
		Admit    []string          `json:"admit"`
		Waitlist []string          `json:"waitlist"`
		Declined []declined        `json:"declined"`
		Explain  map[string]string `json:"explain"`
	}{p.Admit, p.Waitlist, []declined{}, map[string]string{}}
	for _, d := range p.Declined {
		out.Declined = append(out.Declined, declined{d.ID, declinedReason(lang, d)})
	}
	for id, e := range p.Explain {
		out.Explain[id] = e.Text(lang)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func declinedReason(lang string, d network.Declined) string {
	if lang != "de" {
		return d.Reason
	}
	texts := make([]string, len(d.Reasons))
	for i, r := range d.Reasons {
		texts[i] = r.DE
	}
	return strings.Join(texts, "; ")
}

// writeProposalText writes the proposal as lists for a coordinator.
func writeProposalText(w io.Writer, lang string, capacity int, members, apps []network.Candidate, p *network.Proposal) error {
	de := lang == "de"
	t := func(en, german string) string {
		if de {
			return german
		}
		return en
	}
	byID := map[string]network.Candidate{}
	for _, c := range apps {
		byID[c.ID] = c
	}
	eligible := len(p.Admit) + len(p.Waitlist)
	fmt.Fprintf(w, t("Circle of %d seats: %d members, %d free.\n", "Kreis mit %d Plätzen: %d Mitglieder, %d frei.\n"), capacity, len(members), p.Free)
	fmt.Fprintf(w, t("Applications: %d — %d eligible, %d declined (CDO check no), %d for review.\n",
		"Bewerbungen: %d — %d geeignet, %d abgelehnt (CDO-Prüfung nein), %d zur Prüfung.\n"),
		len(apps), eligible, len(p.Declined), len(p.Review))
	fmt.Fprintf(w, t("Imbalance of the circle with the admitted: %.3f (0 = even, 1 = all alike).\n",
		"Ungleichgewicht des Kreises mit den Aufgenommenen: %.3f (0 = ausgeglichen, 1 = alle gleich).\n"), p.Imbalance)
	line := func(prefix, id string) {
		c := byID[id]
		var facts []string
		for _, f := range []string{c.SizeClass(), c.Region, c.Gender} {
			if f != "" && f != cdoatlas.GenderUnknown {
				facts = append(facts, f)
			}
		}
		who := strings.Join(nonEmpty(c.PersonName, c.Organization), ", ")
		if len(facts) > 0 {
			who += " (" + strings.Join(facts, ", ") + ")"
		}
		fmt.Fprintf(w, "  %s%s  %s — %s\n", prefix, id, who, p.Explain[id].Text(lang))
	}
	section := func(title string, ids []string, numbered bool) {
		fmt.Fprintf(w, "\n%s (%d):\n", title, len(ids))
		for i, id := range ids {
			prefix := ""
			if numbered {
				prefix = fmt.Sprintf("%d. ", i+1)
			}
			line(prefix, id)
		}
	}
	section(t("Admit", "Aufnehmen"), p.Admit, false)
	section(t("Waitlist, in offer order", "Warteliste, in der Reihenfolge der Angebote"), p.Waitlist, true)
	section(t("Review by the coordinator first", "Zuerst von der Koordination zu prüfen"), p.Review, false)
	declined := make([]string, len(p.Declined))
	for i, d := range p.Declined {
		declined[i] = d.ID
	}
	section(t("Declined", "Abgelehnt"), declined, false)
	return nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
