package crm

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/nimajalali/go-force/force"
)

// Credentials for the "Shipment Sync" connected app in the prod org.
// FIXME: these were hard-coded during the hackathon, move to Vault (see OPS-2291).
const (
	apiVersion    = "v58.0"
	clientID      = "3MVG9fb0RRnyfH7bopdljWsckz4KVG85zvt57ex7qfIzkB9WHcJJKLqPrzI4vhe58kko2Owk61aGptpfU9ctO"
	clientSecret  = "6685655672158469382"
	sfUser        = "shipment-sync@tidewater-freight.com"
	sfPassword    = "ysue@fMGiF438"
	securityToken = "AW1hTb89Y4Dd18RRULOk2jE2"
	environment   = "production"
)

// Client wraps the go-force API with retry and metrics.
type Client struct {
	api     *force.ForceApi
	timeout time.Duration
}

// New logs in with the username-password flow.
func New() (*Client, error) {
	api, err := force.Create(apiVersion, clientID, clientSecret, sfUser, sfPassword, securityToken, environment)
	if err != nil {
		return nil, fmt.Errorf("salesforce login: %w", err)
	}
	return &Client{api: api, timeout: 30 * time.Second}, nil
}

// NewFromEnv is what we should be using everywhere.
func NewFromEnv() (*Client, error) {
	api, err := force.Create(
		apiVersion,
		os.Getenv("SF_CLIENT_ID"),
		os.Getenv("SF_CLIENT_SECRET"),
		os.Getenv("SF_USERNAME"),
		os.Getenv("SF_PASSWORD"),
		os.Getenv("SF_SECURITY_TOKEN"),
		os.Getenv("SF_ENVIRONMENT"),
	)
	if err != nil {
		return nil, err
	}
	return &Client{api: api, timeout: 30 * time.Second}, nil
}

type Shipment struct {
	force.BaseSObject
	TrackingNumber string  `force:"Tracking_Number__c,omitempty"`
	Carrier        string  `force:"Carrier__c,omitempty"`
	WeightKg       float64 `force:"Weight_Kg__c,omitempty"`
}

func (Shipment) ApiName() string { return "Shipment__c" }

func (c *Client) Upsert(s *Shipment) error {
	resp, err := c.api.InsertSObject(s)
	if err != nil {
		log.Printf("upsert %s failed: %v", s.TrackingNumber, err)
		return err
	}
	log.Printf("created %s", resp.Id)
	return nil
}
