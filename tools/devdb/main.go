// Command devdb runs FerretDB v1 as an embedded MongoDB wire-protocol server
// for local runs and CI. It exists because `go install` of FerretDB's own
// command panics at start (its build/version package embeds generated files
// that are not in the module); importing the embeddable package from a module
// of our own avoids that check.
//
// It prints exactly one line `MONGODB_URI=<uri>` on stdout once the listener
// is ready, then serves until SIGINT/SIGTERM or until its stdin is closed. The
// stdin rule lets a parent process (npm start, the jest global setup) bind the
// database's lifetime to its own: when the parent dies, the pipe closes and
// devdb exits instead of lingering as an orphan.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"github.com/jackc/pgx/v5"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "devdb:", err)
		os.Exit(1)
	}
}

func run() error {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	backend := flag.String("backend", "postgresql", "storage backend: postgresql or sqlite")
	pgURL := flag.String("postgresql-url", "postgres://root@127.0.0.1:5432/credit_dev", "PostgreSQL URL; the database is created when missing")
	sqliteDir := flag.String("sqlite-dir", ".devdb", "directory for SQLite files (sqlite backend)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	watchStdin := flag.Bool("exit-on-stdin-close", true, "exit when stdin reaches EOF (parent died)")
	mirror := flag.Bool("mirror-indexes", true, "give PostgreSQL a GIN index it can use for each field FerretDB indexes (see indexes.go)")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("bad -log-level %q: %w", *logLevel, err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	cfg := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Logger:   logger,
		Handler:  *backend,
	}

	switch *backend {
	case "postgresql":
		if err := ensurePostgresDatabase(*pgURL); err != nil {
			return err
		}
		sessionURL, err := withSessionSettings(*pgURL)
		if err != nil {
			return err
		}
		cfg.PostgreSQLURL = sessionURL
	case "sqlite":
		dir, err := filepath.Abs(*sqliteDir)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		cfg.SQLiteURL = "file:" + dir + "/"
	default:
		return fmt.Errorf("unknown -backend %q (want postgresql or sqlite)", *backend)
	}

	fdb, err := ferretdb.New(cfg)
	if err != nil {
		return fmt.Errorf("starting FerretDB: %w", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		ctx2, cancel := context.WithCancel(ctx)
		defer cancel()
		ctx = ctx2
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			cancel()
		}()
	}

	done := make(chan error, 1)
	go func() { done <- fdb.Run(ctx) }()

	if *backend == "postgresql" && *mirror {
		go mirrorIndexes(ctx, *pgURL, logger)
	}

	// MongoDBURI blocks until the listener is bound, so the port is real.
	fmt.Printf("MONGODB_URI=%s\n", fdb.MongoDBURI())

	err = <-done
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// sessionSettings are sent with each of FerretDB's connections (pgx passes
// unknown URL parameters to PostgreSQL as session settings); a setting the
// URL gives already is left as given.
//
// random_page_cost: PostgreSQL's default (4) prices a random page read as on
// a spinning disk. Priced so, a 500-key `$in` (the `?|` test of our
// pushdown, see overlay/README.md) against the GIN index looked dearer than
// reading the whole table, and the ledger lookup of every import batch was a
// sequential scan testing each row against 500 strings: 350 ms at 56,000
// entries, growing with the table, against 4 ms through the index. 1.1 is the
// usual value for SSDs and for tables that fit in memory.
var sessionSettings = map[string]string{"random_page_cost": "1.1"}

func withSessionSettings(rawURL string) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", fmt.Errorf("bad -postgresql-url: %w", err)
	}
	q := u.Query()
	for name, value := range sessionSettings {
		if !q.Has(name) {
			q.Set(name, value)
		}
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// ensurePostgresDatabase creates the target database when it does not exist,
// so a fresh machine needs no manual `createdb`.
func ensurePostgresDatabase(rawURL string) error {
	cfg, err := pgx.ParseConfig(rawURL)
	if err != nil {
		return fmt.Errorf("bad -postgresql-url: %w", err)
	}
	name := cfg.Database
	if name == "" {
		return errors.New("-postgresql-url must name a database")
	}
	cfg.Database = "postgres"

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("connecting to PostgreSQL at %s:%d: %w", cfg.Host, cfg.Port, err)
	}
	defer conn.Close(ctx)

	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	if sqlState(err) == "42P04" { // created concurrently
		return nil
	}
	return err
}
