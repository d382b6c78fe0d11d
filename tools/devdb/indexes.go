package main

// FerretDB v1 on PostgreSQL creates a btree index on `(_jsonb -> 'field')`
// for each MongoDB index, but pushes an equality filter down as
// `_jsonb -> 'field' @> '"value"'`. A btree cannot answer `@>`, so every
// lookup, even by `_id`, is a sequential scan: at a million records a single
// findById costs a scan of the whole table, and bulk imports slow down with
// every row they add.
//
// mirrorIndexes closes that gap from the outside. It watches the btree
// indexes FerretDB creates and adds, for each field path in them, a GIN
// index (default `jsonb_ops`, which answers both `@>` and the `?|` our
// patched `$in` pushdown uses, see overlay/README.md) on the same expression
// (`_jsonb -> 'f'`, or `_jsonb #> '{a,b}'` for a dotted path, which is how
// FerretDB filters on one). PostgreSQL plans each statement with the values
// filled in, so the pushed-down filter matches the expression and uses the
// index. The GIN indexes are made without `fastupdate`: its pending list is
// searched linearly, and under a bulk import a 500-key lookup through it
// took a second instead of a millisecond. And since a bulk import grows a
// table faster than autovacuum re-analyzes it, the mirror analyzes a table
// once a tenth of it changed: without statistics on the indexed expression
// PostgreSQL guessed that a 500-key `?|` matches 1% of the ledger and
// scanned all of it. It also vacuums when the server's autovacuum is off
// (maintenanceOf), and spaces each table's maintenance by its cost
// (maintenanceClock). FerretDB still re-checks every document it gets, so an
// index can only make a query faster, never change its answer.
//
// Once a non-unique btree has its GIN mirrors, the mirror empties it (see
// emptyBtree): FerretDB never reads it, yet PostgreSQL writes every insert
// into it. On MongoDB none of this applies: its own indexes serve these
// lookups.

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

const mirrorInterval = time.Second

var (
	// One key expression of a btree index definition: _jsonb followed by one or more `-> 'key'::text` steps.
	keyExpression = regexp.MustCompile(`_jsonb((?:\)? -> '(?:[^']|'')+'::text)+)`)
	keyStep       = regexp.MustCompile(`'((?:[^']|'')+)'::text`)
)

// indexPaths returns the field paths of a FerretDB btree index definition.
func indexPaths(indexdef string) [][]string {
	var paths [][]string
	for _, m := range keyExpression.FindAllStringSubmatch(indexdef, -1) {
		var path []string
		for _, step := range keyStep.FindAllStringSubmatch(m[1], -1) {
			path = append(path, strings.ReplaceAll(step[1], "''", "'"))
		}
		if len(path) > 0 {
			paths = append(paths, path)
		}
	}
	return paths
}

// pathExpression is the expression FerretDB's equality pushdown uses for a path.
func pathExpression(path []string) string {
	if len(path) == 1 {
		return fmt.Sprintf("(_jsonb -> %s)", quoteLiteral(path[0]))
	}
	quoted := make([]string, len(path))
	for i, p := range path {
		quoted[i] = `"` + strings.ReplaceAll(strings.ReplaceAll(p, `\`, `\\`), `"`, `\"`) + `"`
	}
	return fmt.Sprintf("(_jsonb #> %s::text[])", quoteLiteral("{"+strings.Join(quoted, ",")+"}"))
}

func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// ginIndexName is stable per table and path, and within PostgreSQL's 63 bytes.
func ginIndexName(table string, path []string) string {
	if len(table) > 40 {
		table = table[:40]
	}
	return fmt.Sprintf("%s_%08x_jgin", table, crc32.ChecksumIEEE([]byte(strings.Join(path, "\x00"))))
}

// mirrorIndexes runs until ctx ends, adding missing GIN indexes every mirrorInterval.
func mirrorIndexes(ctx context.Context, pgURL string, logger *slog.Logger) {
	var conn *pgx.Conn
	clock := maintenanceClock{}
	indexesSeen := "" // the index signature of the last complete pass
	defer func() {
		if conn != nil {
			_ = conn.Close(context.Background())
		}
	}()
	ticker := time.NewTicker(mirrorInterval)
	defer ticker.Stop()
	for {
		if conn == nil {
			c, err := pgx.Connect(ctx, pgURL)
			if err != nil {
				logger.Warn("index mirror: cannot connect; retrying", "err", err)
			} else {
				conn = c
			}
		}
		if conn != nil {
			if err := mirrorOnce(ctx, conn, clock, &indexesSeen, logger); err != nil && ctx.Err() == nil {
				logger.Warn("index mirror: pass failed; retrying", "err", err)
				_ = conn.Close(context.Background())
				conn = nil
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

type ginIndex struct {
	schema, table, name, expression string
}

// tableStats are PostgreSQL's counts of one table since its last analysis and vacuum.
type tableStats struct {
	live, dead, modifiedSinceAnalyze int64
}

// maintenanceOf says what a table needs: ANALYZE once a tenth of it (and at
// least maintenanceMinRows rows) changed since its last analysis, and, when
// the server runs no autovacuum (some installations turn it off), VACUUM
// once its dead rows reach a fifth of its live ones, as autovacuum would.
// Without it a collection whose documents are updated in place (the feed's
// directory lists, grown one day at a time) kept twelve dead versions of
// each live one, and every lookup through its GIN index visited them all.
func maintenanceOf(t tableStats, autovacuum bool) string {
	vacuum := !autovacuum && t.dead >= maintenanceMinRows && 5*t.dead >= t.live
	analyze := t.modifiedSinceAnalyze >= maintenanceMinRows && 10*t.modifiedSinceAnalyze >= t.live
	switch {
	case vacuum:
		return "VACUUM (ANALYZE)"
	case analyze:
		return "ANALYZE"
	default:
		return ""
	}
}

// maintenanceSpacing: after maintaining a table for d, the mirror leaves it
// for d times this, so that maintenance takes at most about a twentieth of
// a core per table, however fast the table grows. ANALYZE samples a fixed
// number of rows (30,000 at the default statistics target) whatever the
// table's size, so its cost does not shrink as the tenth it waits for
// grows: the query log (110,000 entries of 5 kB, which PostgreSQL
// decompresses for each of its ten indexed expressions) took 4-5 s to
// analyze, and under a steady blacklist-check load it was analyzed every
// 30 to 50 s.
const maintenanceSpacing = 20

// maintenanceClock holds, per table, when it may next be maintained.
type maintenanceClock map[string]time.Time

// due says whether the table may be maintained at now.
func (c maintenanceClock) due(table string, now time.Time) bool {
	return !now.Before(c[table])
}

// maintained records a maintenance of the table that started at start and took took.
func (c maintenanceClock) maintained(table string, start time.Time, took time.Duration) {
	c[table] = start.Add(took * (1 + maintenanceSpacing))
}

// maintainChanged analyzes (and vacuums, see maintenanceOf) the FerretDB tables that need it and are due (maintenanceClock).
func maintainChanged(ctx context.Context, conn *pgx.Conn, clock maintenanceClock) error {
	var autovacuum string
	if err := conn.QueryRow(ctx, `SELECT current_setting('autovacuum')`).Scan(&autovacuum); err != nil {
		return err
	}
	rows, err := conn.Query(ctx, `
		SELECT schemaname, relname, n_live_tup, n_dead_tup, n_mod_since_analyze
		FROM pg_stat_user_tables
		WHERE relname NOT LIKE '\_ferretdb\_%'
		  AND (n_mod_since_analyze >= $1 OR n_dead_tup >= $1)`, maintenanceMinRows)
	if err != nil {
		return err
	}
	type job struct{ table, statement string }
	var jobs []job
	for rows.Next() {
		var schema, table string
		var stats tableStats
		if err := rows.Scan(&schema, &table, &stats.live, &stats.dead, &stats.modifiedSinceAnalyze); err != nil {
			rows.Close()
			return err
		}
		name := pgx.Identifier{schema, table}.Sanitize()
		if statement := maintenanceOf(stats, autovacuum == "on"); statement != "" && clock.due(name, time.Now()) {
			jobs = append(jobs, job{name, statement})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, j := range jobs {
		start := time.Now()
		_, err := conn.Exec(ctx, j.statement+" "+j.table)
		clock.maintained(j.table, start, time.Since(start))
		if err != nil {
			if state := sqlState(err); state == "42P01" || state == "3F000" {
				continue // dropped meanwhile
			}
			return err
		}
	}
	return nil
}

const maintenanceMinRows = 500

// indexSignature sums up the database's indexes cheaply: how many there are
// and the newest one's oid (an index created changes the count, and one
// dropped and another created between two passes the newest oid). Reading pg_indexes deparses every index's
// definition: with about 700 indexes it took 40-80 ms of PostgreSQL's CPU,
// up to 400 ms under load, and the mirror read it every second.
func indexSignature(ctx context.Context, conn *pgx.Conn) (string, error) {
	var count, newest int64
	err := conn.QueryRow(ctx, `SELECT count(*), coalesce(max(indexrelid::int8), 0) FROM pg_index`).Scan(&count, &newest)
	return fmt.Sprintf("%d/%d", count, newest), err
}

// mirrorOnce maintains the tables that need it, then, if the indexes changed
// since the last complete pass (*seen), adds the GIN indexes missing.
func mirrorOnce(ctx context.Context, conn *pgx.Conn, clock maintenanceClock, seen *string, logger *slog.Logger) error {
	if err := maintainChanged(ctx, conn, clock); err != nil {
		return err
	}
	signature, err := indexSignature(ctx, conn)
	if err != nil {
		return err
	}
	if signature == *seen {
		return nil
	}

	rows, err := conn.Query(ctx, `
		SELECT schemaname, tablename, indexname, indexdef
		FROM pg_indexes
		WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
		  AND tablename NOT LIKE '\_ferretdb\_%'
		  AND (indexdef LIKE '%USING btree%_jsonb%' OR indexname LIKE '%\_jgin')`)
	if err != nil {
		return err
	}
	existing := map[string]bool{}
	var pending []string // GIN indexes of ours still with a pending list
	var btrees []btreeIndex
	for rows.Next() {
		var schema, table, name, def string
		if err := rows.Scan(&schema, &table, &name, &def); err != nil {
			rows.Close()
			return err
		}
		if strings.HasSuffix(name, "_jgin") {
			existing[schema+"."+name] = true
			if !strings.Contains(def, "fastupdate") {
				pending = append(pending, pgx.Identifier{schema, name}.Sanitize())
			}
			continue
		}
		btrees = append(btrees, btreeIndex{schema, table, name, def})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	// Indexes made by an earlier devdb: switch fastupdate off and flush the list.
	for _, index := range pending {
		if _, err := conn.Exec(ctx, "ALTER INDEX "+index+" SET (fastupdate = off)"); err != nil {
			return err
		}
		if _, err := conn.Exec(ctx, "SELECT gin_clean_pending_list($1::regclass)", index); err != nil {
			return err
		}
	}

	wanted := map[string]ginIndex{}
	for _, b := range btrees {
		for _, path := range indexPaths(b.def) {
			name := ginIndexName(b.table, path)
			if !existing[b.schema+"."+name] {
				wanted[b.schema+"."+name] = ginIndex{b.schema, b.table, name, pathExpression(path)}
			}
		}
	}
	for key, g := range wanted {
		sql := fmt.Sprintf("CREATE INDEX IF NOT EXISTS %s ON %s USING gin (%s) WITH (fastupdate = off)",
			pgx.Identifier{g.name}.Sanitize(), pgx.Identifier{g.schema, g.table}.Sanitize(), g.expression)
		if _, err := conn.Exec(ctx, sql); err != nil {
			// A table FerretDB dropped meanwhile: the next pass no longer sees it.
			if state := sqlState(err); state == "42P01" || state == "3F000" {
				continue
			}
			return fmt.Errorf("%s: %w", sql, err)
		}
		existing[key] = true
		logger.Info("index mirror: GIN index added", "table", g.schema+"."+g.table, "expression", g.expression)
	}

	complete := true
	for _, b := range btrees {
		if !unreadBtree(b.def) || !mirrored(b, existing) {
			continue
		}
		switch err := emptyBtree(ctx, conn, b); {
		case err == nil:
			logger.Info("index mirror: btree FerretDB never reads emptied", "table", b.schema+"."+b.table, "index", b.name)
		case sqlState(err) == "55P03":
			complete = false // busy: the next pass tries again
		case sqlState(err) == "42P01" || sqlState(err) == "3F000" || sqlState(err) == "42704":
			continue // dropped meanwhile
		default:
			return fmt.Errorf("emptying %s: %w", b.name, err)
		}
	}
	// Indexes added or emptied here change the signature: the next pass reads them once, finds nothing to do, and settles.
	if complete {
		*seen = signature
	}
	return nil
}

// btreeIndex is one of FerretDB's btree indexes as pg_indexes shows it.
type btreeIndex struct {
	schema, table, name, def string
}

// unreadBtree says whether FerretDB never reads a btree index of this
// definition, so that keeping its entries is pure cost: it filters with `@>`
// and `?|` tests, which a btree cannot answer, and sorts in PostgreSQL only
// by record id (prepareOrderByClause). A unique index is read, by PostgreSQL,
// to enforce uniqueness; one already partial is not FerretDB's as made (or is
// already emptied).
func unreadBtree(def string) bool {
	return strings.HasPrefix(def, "CREATE INDEX ") && strings.Contains(def, " USING btree ") && !strings.Contains(def, " WHERE ")
}

// mirrored says whether every field path of the btree has its GIN index.
func mirrored(b btreeIndex, gins map[string]bool) bool {
	paths := indexPaths(b.def)
	for _, path := range paths {
		if !gins[b.schema+"."+ginIndexName(b.table, path)] {
			return false
		}
	}
	return len(paths) > 0
}

// emptyBtree replaces a btree FerretDB never reads (unreadBtree) by an empty
// partial index (`WHERE false`) of the same name, table and keys, in one
// transaction. FerretDB still finds the index under the name its metadata
// holds (to drop it with dropIndexes or with its collection), and PostgreSQL
// writes nothing to it. The query log's btree on its whole `pageKeys` array
// took each entry's keys (1 to 3 kB) at a random leaf and grew to 453 MB at
// 271,000 entries, about a third of the log and three times
// shared_buffers, while only the GIN mirror answered its lookups. Creating
// the empty index reads the table once while holding its lock: instant as
// FerretDB creates a collection's indexes, a few seconds for a large table
// of a database made by an older devdb; a table in use waits at most
// lock_timeout, then the next pass tries again.
func emptyBtree(ctx context.Context, conn *pgx.Conn, b btreeIndex) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background()) //nolint:errcheck
	for _, sql := range []string{
		"SET LOCAL lock_timeout = '2s'",
		"DROP INDEX " + pgx.Identifier{b.schema, b.name}.Sanitize(),
		b.def + " WHERE false",
	} {
		if _, err := tx.Exec(ctx, sql); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}

// sqlState is PostgreSQL's SQLSTATE of err, or "".
func sqlState(err error) string {
	var pgErr interface{ SQLState() string }
	if errors.As(err, &pgErr) {
		return pgErr.SQLState()
	}
	return ""
}
