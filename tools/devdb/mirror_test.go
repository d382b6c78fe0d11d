package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The mirror against the machine's PostgreSQL (DEVDB_TEST_POSTGRESQL_URL, or
// the `test` database of the local server that npm start and the tests use).
func TestMirrorAddsAGinIndexForEachNewBtreeAndNoticesLaterOnes(t *testing.T) {
	url := os.Getenv("DEVDB_TEST_POSTGRESQL_URL")
	if url == "" {
		url = "postgres://root@127.0.0.1:5432/test"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("PostgreSQL at %s: %v", url, err)
	}
	defer conn.Close(context.Background())
	schema := fmt.Sprintf("devdb_mirror_test_%d", time.Now().UnixNano())
	exec := func(sql string) {
		t.Helper()
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	exec("CREATE SCHEMA " + schema)
	defer conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE") //nolint:errcheck
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
