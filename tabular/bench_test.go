package tabular

import (
	"bytes"
	"fmt"
	"testing"
)

// registryRows is a registry-like table of n rows.
func registryRows(n int) ([]string, [][]string) {
	header := []string{"name", "kind", "country", "official_code", "population", "title", "person_name"}
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{fmt.Sprintf("Gemeinde Nr. %d", i), "municipality", "DE", fmt.Sprintf("09%06d", i),
			fmt.Sprint(1000 + i), "Leiter \"Digitalisierung\"; Stabsstelle", "Erika Mustermann"}
	}
	return header, rows
}

func BenchmarkReadCSV(b *testing.B) {
	header, rows := registryRows(10000)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, header, rows, ExcelDE); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), "bench.csv"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadXLSX(b *testing.B) {
	header, rows := registryRows(10000)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, "Registry", header, rows, "official_code"); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), "bench.xlsx"); err != nil {
			b.Fatal(err)
		}
	}
}
