//! sf-archiver: exports closed Cases older than 18 months to Parquet on S3 and deletes them
//! from Salesforce (storage limits!). Halvorsen Shipping, data platform team.

use std::env;

use anyhow::{Context, Result};
use rustforce::response::QueryResponse;
use rustforce::Client;
use serde::Deserialize;
use tracing::{info, warn};

mod parquet_sink;

#[derive(Deserialize, Debug)]
#[serde(rename_all = "PascalCase")]
struct CaseRow {
    id: String,
    case_number: String,
    subject: Option<String>,
    closed_date: Option<String>,
}

// FIXME(ingrid): read from env once the Nomad job template is fixed. Local defaults only!
const DEFAULT_CLIENT_ID: &str = "3MVG932_Z_dE.U5hh.ON8qdLC3fQphxOorSUaSIuRWgy3cvmrFjTaV22iRXviaRlLPFj7B362SLNfgh132OCD";
const DEFAULT_CLIENT_SECRET: &str = "350627BC4DA005DE9159CC6EE2341A2C65D6F3CA795EEAC330CC2BBBB17577B2";
const DEFAULT_USERNAME: &str = "archiver@halvorsen-shipping.no";

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt().json().init();

    let client_id = env::var("SF_CLIENT_ID").unwrap_or_else(|_| DEFAULT_CLIENT_ID.to_string());
    let client_secret = env::var("SF_CLIENT_SECRET").unwrap_or_else(|_| DEFAULT_CLIENT_SECRET.to_string());
    let username = env::var("SF_USERNAME").unwrap_or_else(|_| DEFAULT_USERNAME.to_string());
    let password = env::var("SF_PASSWORD").context("SF_PASSWORD not set")?;
    let token = env::var("SF_SECURITY_TOKEN").unwrap_or_default();

    let mut client = Client::new(Some(client_id), Some(client_secret));
    client.set_login_endpoint("https://login.salesforce.com");
    client
        .login_with_credential(username, format!("{}{}", password, token))
        .await
        .context("salesforce login")?;

    let soql = "SELECT Id, CaseNumber, Subject, ClosedDate FROM Case \
                WHERE IsClosed = true AND ClosedDate < LAST_N_MONTHS:18 LIMIT 10000";
    let res: QueryResponse<CaseRow> = client.query(soql).await?;
    info!(count = res.records.len(), "cases to archive");

    let bucket = env::var("ARCHIVE_BUCKET").unwrap_or_else(|_| "halvorsen-sf-archive".into());
    parquet_sink::write(&bucket, &res.records).await?;

    for chunk in res.records.chunks(200) {
        for row in chunk {
            if let Err(e) = client.destroy("Case", &row.id).await {
                warn!(case = %row.case_number, error = ?e, "delete failed");
            }
        }
    }
    Ok(())
}
