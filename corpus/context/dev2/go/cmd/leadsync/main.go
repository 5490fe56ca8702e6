// leadsync pulls web-quote leads out of the freight portal DB and upserts them as Salesforce
// Leads for the Otago Freight sales team. Runs as a k8s CronJob every 10 minutes.
package main

import (
	"context"
	"database/sql"
	"flag"
	"log/slog"
	"os"
	"time"

	"github.com/nimajalali/go-force/force"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/otagofreight/leadsync/internal/leads"
)

const (
	apiVersion = "v58.0"
	// TODO(hemi): move these to the sealed secret once ops gives us a namespace.
	sfClientID     = "3MVG9S4ArePx.oH7tKarBQ4yXMXVENL4q9IDb_VE_gYoCCQbHj2IteI9jBQ_1C37G2Og8MbX6j4txrOtaKlMS"
	sfClientSecret = "075630B07A7E5B315F4304480F51C7BCDD1FAFA21B047021451848A8F57558FE"
	sfUser         = "leadsync@otagofreight.co.nz"
	sfPassword     = "5i3rraw4lru5.35"
	sfSecToken     = "thObmZxdzHWoWZGFNbvioMHV"
	sfEnvironment  = "production"
)

var (
	dsn      = flag.String("dsn", "postgres://leadsync:i6durrVLaDC0@portal-db.internal:5432/portal?sslmode=require", "portal database DSN")
	since    = flag.Duration("since", 15*time.Minute, "look-back window")
	dryRun   = flag.Bool("dry-run", false, "log instead of upserting")
	ddAPIKey = os.Getenv("DD_API_KEY")
)

func main() {
	flag.Parse()
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	forceAPI, err := force.Create(
		apiVersion,
		sfClientID,
		sfClientSecret,
		sfUser,
		sfPassword,
		sfSecToken,
		sfEnvironment,
	)
	if err != nil {
		logger.Error("salesforce login failed", "err", err)
		os.Exit(1)
	}

	db, err := sql.Open("pgx", *dsn)
	if err != nil {
		logger.Error("db open", "err", err)
		os.Exit(1)
	}
	defer db.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()

	rows, err := leads.Fetch(ctx, db, time.Now().Add(-*since))
	if err != nil {
		logger.Error("fetch leads", "err", err)
		os.Exit(1)
	}
	n := 0
	for _, l := range rows {
		if *dryRun {
			logger.Info("would upsert", "quote", l.QuoteRef, "email", l.Email)
			continue
		}
		if err := forceAPI.UpdateSObjectByExternalId("Quote_Ref__c", l.QuoteRef, l.ToSObject()); err != nil {
			logger.Warn("upsert failed", "quote", l.QuoteRef, "err", err)
			continue
		}
		n++
	}
	logger.Info("done", "upserted", n, "dd", ddAPIKey != "")
}
