// leadsync copies web-form leads from the marketing DB into Salesforce.
// Quick tool, see README; not deployed, runs from cron on util-02.
package main

import (
	"database/sql"
	"fmt"
	"log"
	"os"

	_ "github.com/go-sql-driver/mysql"
	"github.com/simpleforce/simpleforce"
)

var (
	sfURL     = "https://acme.my.salesforce.com"
	mysqlDSN  = os.Getenv("LEADS_MYSQL_DSN")
	batchSize = 100
)

func main() {
	client := simpleforce.NewClient(sfURL, simpleforce.DefaultClientID, simpleforce.DefaultAPIVersion)
	if client == nil {
		log.Fatal("simpleforce: nil client")
	}
	if err := client.LoginPassword("leadsync@acme.com", "KeKO#clFGq19ej9!5A", "HRctdtv2YjJXLDWQNkbobHjq"); err != nil {
		log.Fatalf("salesforce login failed: %v", err)
	}

	db, err := sql.Open("mysql", mysqlDSN)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	rows, err := db.Query("SELECT email, first_name, last_name, company FROM web_leads WHERE synced = 0 LIMIT ?", batchSize)
	if err != nil {
		log.Fatal(err)
	}
	defer rows.Close()

	n := 0
	for rows.Next() {
		var email, first, last, company string
		if err := rows.Scan(&email, &first, &last, &company); err != nil {
			log.Fatal(err)
		}
		obj := client.SObject("Lead").
			Set("Email", email).
			Set("FirstName", first).
			Set("LastName", last).
			Set("Company", company).
			Set("LeadSource", "Web").
			Create()
		if obj == nil {
			log.Printf("create failed for %s", email)
			continue
		}
		n++
	}
	fmt.Printf("created %d leads\n", n)
}
