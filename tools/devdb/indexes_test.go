package main

import (
	"reflect"
	"testing"
)

func TestIndexPathsReadsEveryKeyOfAFerretDBIndex(t *testing.T) {
	def := `CREATE INDEX q_idx ON s.q USING btree ((((_jsonb -> 'institution'::text) -> 'id'::text)), ((_jsonb -> 'sequence'::text)) DESC)`
	got := indexPaths(def)
	want := [][]string{{"institution", "id"}, {"sequence"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("indexPaths = %v, want %v", got, want)
	}
}

func TestPathExpressionMatchesFerretDBPushdown(t *testing.T) {
	if got := pathExpression([]string{"personId"}); got != `(_jsonb -> 'personId')` {
		t.Fatalf("single key: %s", got)
	}
	if got := pathExpression([]string{"institution", "id"}); got != `(_jsonb #> '{"institution","id"}'::text[])` {
		t.Fatalf("dotted path: %s", got)
	}
}

func TestGinIndexNameFitsPostgreSQL(t *testing.T) {
	name := ginIndexName("a_very_long_collection_name_that_goes_on_and_on_12345678", []string{"x"})
	if len(name) > 63 {
		t.Fatalf("%s is %d bytes", name, len(name))
	}
}

func TestMaintenanceAnalyzesChangedTablesAndVacuumsOnlyWithoutAutovacuum(t *testing.T) {
	cases := []struct {
		name       string
		stats      tableStats
		autovacuum bool
		want       string
	}{
		{"a tenth changed", tableStats{live: 10_000, modifiedSinceAnalyze: 1_000}, true, "ANALYZE"},
		{"too few changes", tableStats{live: 100, modifiedSinceAnalyze: 400}, false, ""},
		{"a small share changed", tableStats{live: 100_000, modifiedSinceAnalyze: 5_000}, false, ""},
		{"dead rows, autovacuum off", tableStats{live: 3_789, dead: 44_151}, false, "VACUUM (ANALYZE)"},
		{"dead rows, autovacuum on", tableStats{live: 3_789, dead: 44_151}, true, ""},
		{"few dead rows of a large table", tableStats{live: 1_000_000, dead: 600}, false, ""},
	}
	for _, c := range cases {
		if got := maintenanceOf(c.stats, c.autovacuum); got != c.want {
			t.Errorf("%s: maintenanceOf(%+v, %v) = %q, want %q", c.name, c.stats, c.autovacuum, got, c.want)
		}
	}
}
