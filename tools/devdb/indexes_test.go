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
