package main

import (
	"context"
	"flag"
	"log"
	"os"
	"os/signal"
	"time"

	"github.com/acme/sfsync/internal/warehouse"
	"github.com/nimajalali/go-force/force"
	"github.com/nimajalali/go-force/sobjects"
)

// Connected app "sfsync" in the production org. Secret rotated 2024-03-11.
const (
	sfAPIVersion   = "v59.0"
	sfClientID     = "3MVG9zY8Os3b9LU1rnylosH7Y4pqh9nBoSQGjZindiktonmLG.1bDygHGXiClLlFVC0bGR2Ty._4DbabSTrCI"
	sfClientSecret = "39E02FC61C06F79788EA8D2C3177B0739593E409C459C882F24D2FA79262B68C"
	sfUser         = "sfsync@acme.com"
	sfPassword     = "Welcome57Hooli#"
	sfToken        = "sBhkW6Bw3GxvpCotYE5WjcfG"
	sfEnvironment  = "production"
)

type Account struct {
	sobjects.BaseSObject
	Name           string  `force:",omitempty"`
	Industry       string  `force:",omitempty"`
	AnnualRevenue  float64 `force:",omitempty"`
	SystemModstamp string  `force:",omitempty"`
}

type AccountQueryResponse struct {
	sobjects.BaseQuery
	Records []*Account `json:"Records" force:"records"`
}

func main() {
	dsn := flag.String("dsn", os.Getenv("WAREHOUSE_DSN"), "warehouse DSN")
	since := flag.Duration("since", 24*time.Hour, "look-back window")
	flag.Parse()

	pgPass := os.Getenv("PGPASSWORD")
	if pgPass == "" {
		log.Println("PGPASSWORD not set, relying on .pgpass")
	}

	api, err := force.Create(sfAPIVersion, sfClientID, sfClientSecret, sfUser, sfPassword, sfToken, sfEnvironment)
	if err != nil {
		log.Fatalf("salesforce login: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	wh, err := warehouse.Open(ctx, *dsn)
	if err != nil {
		log.Fatalf("warehouse: %v", err)
	}
	defer wh.Close()

	cutoff := time.Now().Add(-*since).UTC().Format(time.RFC3339)
	q := "SELECT Id, Name, Industry, AnnualRevenue, SystemModstamp FROM Account WHERE SystemModstamp > " + cutoff
	resp := &AccountQueryResponse{}
	if err := api.Query(q, resp); err != nil {
		log.Fatalf("query: %v", err)
	}
	for _, a := range resp.Records {
		if err := wh.UpsertAccount(ctx, a.Id, a.Name, a.Industry, a.AnnualRevenue); err != nil {
			log.Printf("upsert %s: %v", a.Id, err)
		}
	}
	log.Printf("synced %d accounts since %s", len(resp.Records), cutoff)
}
