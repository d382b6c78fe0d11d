package main

import (
	"reflect"
	"testing"
	"time"
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

func TestMaintenanceOfATableIsSpacedByWhatItCost(t *testing.T) {
	clock := maintenanceClock{}
	start := time.Date(2026, 12, 7, 22, 0, 0, 0, time.UTC)
	if !clock.due("query_log", start) {
		t.Fatal("a table never maintained is due at once")
	}
	// An ANALYZE that took 4 s leaves the table alone for 20 times that after it.
	clock.maintained("query_log", start, 4*time.Second)
	for _, c := range []struct {
		after time.Duration
		want  bool
	}{{time.Second, false}, {80 * time.Second, false}, {84 * time.Second, true}} {
		if got := clock.due("query_log", start.Add(c.after)); got != c.want {
			t.Errorf("due %v after the start = %v, want %v", c.after, got, c.want)
		}
	}
	// Other tables keep their own pace; a quick ANALYZE of a small one is due again within the mirror's second.
	if !clock.due("ledger", start.Add(time.Second)) {
		t.Error("another table waits for the query log's spacing")
	}
	clock.maintained("ledger", start, 5*time.Millisecond)
	if !clock.due("ledger", start.Add(mirrorInterval)) {
		t.Error("a table analyzed in 5 ms is not due at the next pass")
	}
}
