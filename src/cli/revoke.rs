//! `forcescan revoke`: end one access token, refresh token or SFDX auth URL at Salesforce.

use super::args::RevokeArgs;
use super::{error_line, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use forcescan::error::{io_message, Error, Result};
use forcescan::report::escape_control;
use forcescan::validation::{check_revocable, instance_host, revocation_target};
use std::io::{IsTerminal, Read};

/// Reads the secret: the argument, or standard input for `-` (prompting on a terminal).
fn read_secret(arg: &str) -> Result<String> {
    if arg != "-" {
        return Ok(arg.trim().to_string());
    }
    let stdin = std::io::stdin();
    let mut s = String::new();
    let read = if stdin.is_terminal() {
        eprint!("Paste the secret, then press Enter: ");
        stdin.read_line(&mut s)
    } else {
        stdin.lock().take(64 * 1024).read_to_string(&mut s)
    };
    read.map_err(|e| Error::Io(format!("reading the secret from standard input: {}", io_message(&e))))?;
    Ok(s.trim().to_string())
}

/// Exit 0 revoked, 1 Salesforce did not know the token, 2 error.
pub fn run(a: RevokeArgs) -> Result<u8> {
    // The rule is checked before the secret is read, so a mistake costs no paste.
    check_revocable(&a.rule).map_err(Error::Usage)?;
    let secret = read_secret(&a.secret)?;
    let finding = revocation_target(&a.rule, &secret).map_err(Error::Usage)?;
    let instance = a.instance.as_deref().map(instance_host);
    let verifier = a.net.verifier(false, false)?;
    let r = verifier.revoke(&finding, instance.as_deref());
    if r.revoked {
        // The message comes from the server: escaped like anything else printed to a terminal.
        println!("forcescan: {}", escape_control(&format!("{} {}: {}", a.rule, finding.secret, r.message)));
        Ok(EXIT_CLEAN)
    } else {
        error_line(format!("{} {}: {}", a.rule, finding.secret, r.message));
        Ok(if r.http_status == Some(400) { EXIT_FINDINGS } else { EXIT_ERROR })
    }
}
