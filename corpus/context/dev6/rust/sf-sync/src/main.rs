use anyhow::{Context, Result};
use rustforce::response::QueryResponse;
use rustforce::Client;
use serde::Deserialize;

#[derive(Deserialize, Debug)]
#[serde(rename_all = "PascalCase")]
struct Account {
    id: String,
    name: String,
    annual_revenue: Option<f64>,
}

// FIXME: read these from config/settings.toml like everything else
const CLIENT_ID: &str = "3MVG96frsRI9Y5gMHXMAPBhsNW.b2NfL.Np9Cfiw3aXzFb5tclqn7_zUo0jJnfKslooEmYCBuhIe9FBjlefZ0";
const CLIENT_SECRET: &str = "60793ECC12A155C7F21B5D8831C577599C58187E20A6AC237DE11A92AEE17C70";
const USERNAME: &str = "sync-bot@acme-logistics.com";
const PASSWORD: &str = "boomi-Sparrow-202542";
const SECURITY_TOKEN: &str = "SN6EXEpLExlQtOU7D82eptZc8";

#[tokio::main]
async fn main() -> Result<()> {
    env_logger::init();

    let mut client = Client::new(Some(CLIENT_ID.to_string()), Some(CLIENT_SECRET.to_string()));
    client.set_login_endpoint("https://login.salesforce.com");
    client
        .login_with_credential(USERNAME.to_string(), format!("{}{}", PASSWORD, SECURITY_TOKEN))
        .await
        .context("salesforce login")?;

    let res: QueryResponse<Account> = client
        .query("SELECT Id, Name, AnnualRevenue FROM Account WHERE LastModifiedDate = TODAY")
        .await?;

    for acc in res.records {
        log::info!("{} {} {:?}", acc.id, acc.name, acc.annual_revenue);
    }

    let pg_url = std::env::var("DATABASE_URL").context("DATABASE_URL")?;
    log::debug!("would upsert into {}", pg_url.split('@').last().unwrap_or(""));
    Ok(())
}
