package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The mirror against the machine's PostgreSQL (DEVDB_TEST_POSTGRESQL_URL, or
// the `test` database of the local server that npm start and the tests use).
// testSchema connects to the machine's PostgreSQL and makes a schema of the
// test's own, dropped when the test ends.
func testSchema(t *testing.T) (context.Context, *pgx.Conn, string, func(sql string)) {
	t.Helper()
	url := os.Getenv("DEVDB_TEST_POSTGRESQL_URL")
	if url == "" {
		url = "postgres://root@127.0.0.1:5432/test"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("PostgreSQL at %s: %v", url, err)
	}
	schema := fmt.Sprintf("devdb_mirror_test_%d", time.Now().UnixNano())
	exec := func(sql string) {
		t.Helper()
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	exec("CREATE SCHEMA " + schema)
	t.Cleanup(func() {
		conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE") //nolint:errcheck
		conn.Close(context.Background())                                  //nolint:errcheck
	})
	return ctx, conn, schema, exec
}

func TestMirrorAddsAGinIndexForEachNewBtreeAndNoticesLaterOnes(t *testing.T) {
	ctx, conn, schema, exec := testSchema(t)
	exec("CREATE TABLE " + schema + ".people (_jsonb jsonb)")
	// As FerretDB indexes a field.
	exec("CREATE INDEX people_id ON " + schema + ".people USING btree ((_jsonb -> 'personId'))")

	hasGin := func(field string) bool {
		t.Helper()
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND indexname = $2`,
			schema, ginIndexName("people", []string{field})).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	clock := maintenanceClock{}
	seen := ""
	pass := func() {
		t.Helper()
		if err := mirrorOnce(ctx, conn, clock, &seen, logger); err != nil {
			t.Fatal(err)
		}
	}

	pass()
	if !hasGin("personId") {
		t.Fatal("no GIN index beside FerretDB's btree after a pass")
	}
	pass()
	settled := seen
	pass()
	if seen != settled {
		t.Fatalf("the index signature moved with no index added: %q then %q", settled, seen)
	}
	// With the indexes as last seen, a pass reads no index definitions: here it
	// does not even see that a GIN index is gone, which a changed signature shows it.
	exec("DROP INDEX " + schema + "." + ginIndexName("people", []string{"personId"}))
	var err error
	if seen, err = indexSignature(ctx, conn); err != nil {
		t.Fatal(err)
	}
	pass()
	if hasGin("personId") {
		t.Fatal("a pass with the indexes as last seen read them all again")
	}
	seen = ""
	pass()
	if !hasGin("personId") {
		t.Fatal("a pass with changed indexes did not put the GIN index back")
	}
	// An index FerretDB creates later is noticed on the next pass, though nothing else changed.
	exec("CREATE INDEX people_seq ON " + schema + ".people USING btree ((_jsonb -> 'sequence'))")
	pass()
	if !hasGin("sequence") {
		t.Fatal("a btree created after the mirror settled got no GIN index")
	}
}

func TestMirrorEmptiesTheBtreesFerretDBNeverReadsAndKeepsUniqueOnes(t *testing.T) {
	ctx, conn, schema, exec := testSchema(t)
	exec("CREATE TABLE " + schema + ".log (_jsonb jsonb)")
	// As FerretDB makes a collection's indexes: the _id and sequence unique, the others not.
	exec("CREATE UNIQUE INDEX log_id ON " + schema + ".log USING btree ((_jsonb -> '_id'))")
	exec("CREATE UNIQUE INDEX log_sequence ON " + schema + ".log USING btree ((_jsonb -> 'sequence'))")
	exec("CREATE INDEX log_page_keys ON " + schema + ".log USING btree ((_jsonb -> 'pageKeys'))")
	exec("CREATE INDEX log_person_sequence ON " + schema + ".log USING btree ((_jsonb -> 'personId'), (_jsonb -> 'sequence') DESC)")
	exec(`INSERT INTO ` + schema + `.log SELECT jsonb_build_object('_id', 'e' || i, 'sequence', i, 'personId', 'p' || (i % 7), 'pageKeys', jsonb_build_array('k' || i, 'k' || (i + 1))) FROM generate_series(1, 2000) i`)

	definition := func(index string) string {
		t.Helper()
		var def string
		if err := conn.QueryRow(ctx, `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = $2`, schema, index).Scan(&def); err != nil {
			t.Fatalf("index %s: %v", index, err)
		}
		return def
	}
	before := map[string]string{}
	for _, index := range []string{"log_id", "log_sequence", "log_page_keys", "log_person_sequence"} {
		before[index] = definition(index)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	seen := ""
	for pass := 0; pass < 3; pass++ {
		if err := mirrorOnce(ctx, conn, maintenanceClock{}, &seen, logger); err != nil {
			t.Fatal(err)
		}
	}
	for _, index := range []string{"log_id", "log_sequence"} {
		if got := definition(index); got != before[index] {
			t.Errorf("unique index %s changed: %s", index, got)
		}
	}
	for _, index := range []string{"log_page_keys", "log_person_sequence"} {
		if got, want := definition(index), before[index]+" WHERE false"; got != want {
			t.Errorf("index %s is\n  %s\nwant\n  %s", index, got, want)
		}
		var pages int64
		if err := conn.QueryRow(ctx, `SELECT relpages FROM pg_class WHERE oid = $1::regclass`, schema+"."+index).Scan(&pages); err != nil {
			t.Fatal(err)
		}
		if pages > 1 {
			t.Errorf("index %s holds %d pages: only its metapage was expected", index, pages)
		}
	}
	// What FerretDB asks still finds its rows, through the GIN indexes.
	exec("ANALYZE " + schema + ".log")
	exec("SET enable_seqscan = off")
	defer conn.Exec(context.Background(), "RESET enable_seqscan") //nolint:errcheck
	rows, err := conn.Query(ctx, "EXPLAIN SELECT _jsonb FROM "+schema+".log WHERE _jsonb -> 'pageKeys' @> '\"k42\"'")
	if err != nil {
		t.Fatal(err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	plan := strings.Join(lines, "\n")
	if !strings.Contains(plan, ginIndexName("log", []string{"pageKeys"})) {
		t.Errorf("a page-key lookup is not served by the GIN index: %s", plan)
	}
	var found int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM "+schema+".log WHERE _jsonb -> 'pageKeys' @> '\"k42\"'").Scan(&found); err != nil {
		t.Fatal(err)
	}
	if found != 2 {
		t.Errorf("a page-key lookup found %d entries, want 2", found)
	}
	// FerretDB drops an index by the name it made.
	exec("DROP INDEX " + schema + ".log_page_keys")
}
