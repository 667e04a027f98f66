package main

import (
	"encoding/json"
	"errors"
	"flag"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cdoatlas/cdoatlas"
)

const networkCDOTasks = "Ämterübergreifende Steuerung der Digitalisierung, Digitalstrategie, eigenes Budget"

// Applications as a coordinator exports them from Excel: German headers,
// semicolons, German dates and thousands separators.
var networkApplications = "Nr;Name;Organisation;Art;Staat;Bundesland;Einwohner;Funktion;Aufgaben;Verortung;Geschlecht;Beworben am\n" +
	"A1;Eva Beispiel;Köthen (Anhalt);Stadt;DE;Sachsen-Anhalt;25.241;Digitalisierungsbeauftragte;" + networkCDOTasks + ";Stabsstelle;w;03.03.2025\n" +
	"A2;Jörg Muster;Neuss;Stadt;DE;NRW;153.896;CDO;" + networkCDOTasks + ";Stabsstelle;m;01.02.2025\n" +
	"A3;Kai Probe;Moers;Stadt;DE;NRW;103.725;Leiter IT;IT-Betrieb und Support für das Rathaus;Amt;m;02.02.2025\n" +
	"A4;Ute Test;Spiegelau;Gemeinde;DE;Bayern;3.981;CDO;;;w;04.02.2025\n" +
	"A5;Max Mustermann;Paderborn;Stadt;DE;NRW;150.580;CDO;" + networkCDOTasks + ";Dezernat;m;05.01.2025\n"

var networkMembers = "id;person_name;organization;kind;country;region;population;title;tasks;placement;gender;applied_on\n" +
	"M1;Alex Mitglied;Köln;municipality;DE;DE-NW;1085664;CDO;" + networkCDOTasks + ";staff_unit_head;m;2024-01-01\n"

func TestNetworkPropose(t *testing.T) {
	a := newApp(t)
	apps := writeFile(t, "bewerbungen.csv", []byte(networkApplications))
	members := writeFile(t, "mitglieder.csv", []byte(networkMembers))

	t.Run("JSON", func(t *testing.T) {
		out, _, err := a.run("", "network", "propose", "--capacity", "3", "--applications", apps, "--members", members)
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &raw); err != nil {
			t.Fatalf("output is no JSON object: %v\n%s", err, out)
		}
		var keys []string
		for k := range raw {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if want := []string{"admit", "declined", "explain", "waitlist"}; !reflect.DeepEqual(keys, want) {
			t.Errorf("keys %v, want %v (DESIGN §5)", keys, want)
		}
		var got struct {
			Admit    []string            `json:"admit"`
			Waitlist []string            `json:"waitlist"`
			Declined []map[string]string `json:"declined"`
			Explain  map[string]string   `json:"explain"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		// Two free seats: Köthen covers the eastern states and GK5,
		// Paderborn (GK3) beats Neuss (GK3) by date.
		if !reflect.DeepEqual(got.Admit, []string{"A5", "A1"}) || !reflect.DeepEqual(got.Waitlist, []string{"A2"}) {
			t.Errorf("admit %v, waitlist %v; want [A5 A1], [A2]", got.Admit, got.Waitlist)
		}
		if len(got.Declined) != 1 || got.Declined[0]["id"] != "A3" || !strings.Contains(got.Declined[0]["reason"], "IT operations") || len(got.Declined[0]) != 2 {
			t.Errorf("declined %v, want A3 with the check's reason", got.Declined)
		}
		for _, id := range []string{"A1", "A2", "A3", "A4", "A5"} {
			if got.Explain[id] == "" {
				t.Errorf("no explanation for %s", id)
			}
		}
		if !strings.Contains(got.Explain["A1"], "Sachsen-Anhalt") && !strings.Contains(got.Explain["A1"], "GK5") {
			t.Errorf("A1: %q, want the group it covers", got.Explain["A1"])
		}
		if !strings.Contains(got.Explain["A4"], "coordinator") {
			t.Errorf("A4 (no tasks): %q, want review by the coordinator", got.Explain["A4"])
		}
	})
	t.Run("TextGerman", func(t *testing.T) {
		out, _, err := a.run("", "network", "propose", "--capacity", "3", "--applications", apps, "--members", members, "--format", "text", "--lang", "de")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Aufnehmen (2):", "Warteliste", "1. A2", "Zuerst von der Koordination zu prüfen (1):", "Abgelehnt (1):", "CDO-Prüfung nein: "} {
			if !strings.Contains(out, want) {
				t.Errorf("text lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("FullCircle", func(t *testing.T) {
		out, _, err := a.run("", "network", "propose", "--capacity", "1", "--applications", apps, "--members", members)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, `"admit": []`) {
			t.Errorf("a full circle admits someone:\n%s", out)
		}
	})
	t.Run("ErrOverCapacity", func(t *testing.T) {
		_, _, err := a.run("", "network", "propose", "--capacity", "0", "--applications", apps, "--members", members)
		if err == nil || !strings.Contains(oneLine(err), "more than its capacity") {
			t.Errorf("error %v", err)
		}
	})
}

func TestNetworkProposeRefusesBadFile(t *testing.T) {
	a := newApp(t)
	bad := writeFile(t, "bad.csv", []byte("id,kind,region,population,tasks,gender,applied_on\n"+
		"1,municipality,NRW,12000,x,f,2025-01-01\n"+
		"1,Burg,Mars,viele,x,q,31.02.2025\n"))
	badMembers := writeFile(t, "members.csv", []byte("Name,Land\nA,DE\n"))
	_, _, err := a.run("", "network", "propose", "--capacity", "5", "--applications", bad, "--members", badMembers)
	var fe cdoatlas.FileErrors
	if !errors.As(err, &fe) {
		t.Fatalf("error %v, want file errors", err)
	}
	msg := err.Error()
	for _, want := range []string{`bad.csv:3: column id: the id "1" is already on line 2`, "bad.csv:3: column kind", "bad.csv:3: column region",
		"bad.csv:3: column population", "bad.csv:3: column gender", "bad.csv:3: column applied_on",
		"members.csv:1: column id: required column missing", "members.csv:1: column tasks: required column missing"} {
		if !strings.Contains(msg, want) {
			t.Errorf("errors lack %q:\n%s", want, msg)
		}
	}
	if !strings.HasPrefix(oneLine(err), "refused: 8 error(s)") {
		t.Errorf("one-line reason %q", oneLine(err))
	}
}

func TestNetworkUsage(t *testing.T) {
	a := newApp(t)
	for _, args := range [][]string{{"network", "--help"}, {"network", "propose", "--help"}} {
		_, stderr, err := a.run("", args...)
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr, "network propose --capacity N --applications FILE") {
			t.Errorf("%v: %v, %q", args, err, stderr)
		}
	}
	if _, stderr, _ := a.run("", "network", "propose", "--help"); !strings.Contains(stderr, "-members") || !strings.Contains(stderr, "-weights") {
		t.Errorf("propose --help lacks the flags: %q", stderr)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"network"}, "usage: cdoatlas network propose"},
		{[]string{"network", "propose", "--applications", "x.csv"}, "--capacity N"},
		{[]string{"network", "propose", "--capacity", "3"}, "--applications FILE"},
		{[]string{"network", "propose", "--capacity", "3", "--applications", "/no/such.csv"}, "refused"},
		{[]string{"network", "propose", "--capacity", "3", "--applications", "x.csv", "--format", "xml"}, "unknown --format"},
		{[]string{"network", "propose", "--capacity", "3", "--applications", "x.csv", "--weights", "age=2"}, "unknown balance goal"},
	} {
		_, _, err := a.run("", tc.args...)
		if err == nil || !strings.Contains(oneLine(err), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.args, err, tc.want)
		}
	}
}
