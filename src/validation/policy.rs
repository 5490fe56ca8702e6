//! Where live checks may go, and why nowhere else.
//!
//! Hosts come from scanned content (an `instance_url`, the `@host` of an SFDX auth URL), which an
//! attacker may have written. Sending a credential there would hand it to them, and sending any
//! request to an internal address turns the scanner into an SSRF tool. So, for every request:
//!
//! 1. the host must be a sub-domain of a Salesforce-owned suffix (`salesforce_host`), spelled as a
//!    DNS name (no IP literals, no port but 443);
//! 2. the connection goes over HTTPS to an address obtained by *one* resolution, checked before use
//!    (`GuardedResolver`): if any address of the name is private, loopback, link-local, multicast,
//!    reserved or otherwise not public unicast (IPv4 and IPv6, including IPv4-mapped, NAT64 and
//!    6to4 forms), the request is refused. Because the checked addresses are the ones handed to the
//!    HTTP client, a DNS answer cannot change between check and connect.
//!
//! The test-only base URL (`validation::Options::base_url`) relaxes step 2 alone, and only towards a
//! loopback address: the resolver then answers for that one `host:port` and refuses everything else.

use crate::detect::context::SALESFORCE_SUFFIXES;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};
use std::sync::Arc;

/// Why a request was not sent. Messages name the host (taken from content, so shown escaped by
/// the report) and never any credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The host is not a Salesforce-owned name.
    NotSalesforce(String),
    /// The host names a port other than 443.
    Port(String),
    /// The name resolved to an address that must never be contacted.
    Address { host: String, addr: IpAddr, why: &'static str },
    /// In test mode, a connection to anything but the test server.
    NotTestServer(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NotSalesforce(h) => write!(
                f,
                "refused to contact {h}: not a Salesforce-owned host (allowed: *.{})",
                SALESFORCE_SUFFIXES.join(", *.")
            ),
            Refusal::Port(h) => write!(f, "refused to contact {h}: only port 443 is allowed"),
            Refusal::Address { host, addr, why } => {
                write!(f, "refused to contact {host}: it resolves to {why} address {addr}")
            }
            Refusal::NotTestServer(h) => {
                write!(f, "refused to contact {h}: test mode talks only to the test server")
            }
        }
    }
}

impl std::error::Error for Refusal {}

/// Checks a host taken from content or from the user, and returns it normalised (lower case, no
/// trailing dot, no `:443`). A Salesforce-owned host is a *sub-domain* of one of
/// [`SALESFORCE_SUFFIXES`]: `acme.my.salesforce.com`, not `salesforce.com.evil.io` nor
/// `evilsalesforce.com`.
pub(crate) fn salesforce_host(raw: &str) -> Result<String, Refusal> {
    let shown: String = raw.chars().take(100).collect();
    let lower = raw.trim().to_ascii_lowercase();
    let (name, port) = match lower.rsplit_once(':') {
        Some((n, p)) if !n.contains(':') => (n, Some(p)),
        Some(_) => return Err(Refusal::NotSalesforce(shown)), // an IPv6 literal
        None => (lower.as_str(), None),
    };
    if port.is_some_and(|p| p != "443") {
        return Err(Refusal::Port(shown));
    }
    let name = name.strip_suffix('.').unwrap_or(name);
    let labels_ok = name.len() <= 253
        && name.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    let owned = SALESFORCE_SUFFIXES
        .iter()
        .any(|s| name.strip_suffix(s).is_some_and(|rest| rest.len() > 1 && rest.ends_with('.')));
    // An all-numeric last label would be an IPv4 literal; the suffix test already rules it out.
    if labels_ok && owned {
        Ok(name.to_string())
    } else {
        Err(Refusal::NotSalesforce(shown))
    }
}

/// Why `ip` must not be contacted, or `None` for a public unicast address.
pub fn forbidden(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => forbidden_v6(v6),
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let o = ip.octets();
    Some(match o {
        [0, ..] => "an unspecified",
        [127, ..] => "a loopback",
        [10, ..] | [172, 16..=31, ..] | [192, 168, ..] => "a private",
        [169, 254, ..] => "a link-local",
        [100, 64..=127, ..] => "a shared (carrier-grade NAT)",
        [192, 0, 0, _] => "an IETF protocol",
        [192, 0, 2, _] | [198, 51, 100, _] | [203, 0, 113, _] => "a documentation",
        [198, 18..=19, ..] => "a benchmarking",
        [224..=239, ..] => "a multicast",
        [240..=255, ..] => "a reserved",
        _ => return None,
    })
}

fn forbidden_v6(ip: Ipv6Addr) -> Option<&'static str> {
    let s = ip.segments();
    // IPv4 embedded in IPv6: the connection really goes to the IPv4 address.
    let embedded = |hi: u16, lo: u16| Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
    if let Some(v4) = ip.to_ipv4_mapped() {
        return forbidden_v4(v4).map(|_| "an IPv4-mapped non-public");
    }
    Some(match s {
        [0, 0, 0, 0, 0, 0, 0, 0] => "an unspecified",
        [0, 0, 0, 0, 0, 0, 0, 1] => "a loopback",
        // Deprecated IPv4-compatible ::a.b.c.d.
        [0, 0, 0, 0, 0, 0, _, _] => "an IPv4-compatible",
        [0x64, 0xff9b, 0, 0, 0, 0, hi, lo] => {
            return forbidden_v4(embedded(hi, lo)).map(|_| "a NAT64 non-public");
        }
        [0x2002, hi, lo, ..] => {
            return forbidden_v4(embedded(hi, lo)).map(|_| "a 6to4 non-public");
        }
        [0x2001, 0, ..] => "a Teredo",
        [0x2001, 0xdb8, ..] => "a documentation",
        [0x100, 0, 0, 0, ..] => "a discard-only",
        [a, ..] if a & 0xfe00 == 0xfc00 => "a unique-local (private)",
        [a, ..] if a & 0xffc0 == 0xfe80 => "a link-local",
        [a, ..] if a & 0xffc0 == 0xfec0 => "a site-local",
        [a, ..] if a & 0xff00 == 0xff00 => "a multicast",
        _ => return None,
    })
}

/// Name resolution, injectable so that tests never depend on real DNS.
pub(crate) trait Lookup: Send + Sync {
    fn lookup(&self, host: &str, port: u16) -> io::Result<Vec<IpAddr>>;
}

/// The system resolver.
pub(crate) struct SystemLookup;

impl Lookup for SystemLookup {
    fn lookup(&self, host: &str, port: u16) -> io::Result<Vec<IpAddr>> {
        Ok((host, port).to_socket_addrs()?.map(|a| a.ip()).collect())
    }
}

/// Checks every address a name resolved to: one forbidden address refuses the name (a mix of
/// public and private answers is itself a sign of tampering).
pub(crate) fn check_resolved(host: &str, addrs: &[IpAddr]) -> Result<(), Refusal> {
    match addrs.iter().find_map(|&a| forbidden(a).map(|why| (a, why))) {
        Some((addr, why)) => Err(Refusal::Address { host: host.to_string(), addr, why }),
        None => Ok(()),
    }
}

/// The resolver given to the HTTP client: resolves once, checks, and hands out only checked
/// addresses. A refusal travels inside the `io::Error` so the caller can report it as such.
pub(crate) struct GuardedResolver {
    pub lookup: Arc<dyn Lookup>,
    /// Test mode: the one loopback `host:port` that may be contacted.
    pub test_server: Option<(String, u16)>,
}

fn split_netloc(netloc: &str) -> Option<(&str, u16)> {
    let (h, p) = netloc.rsplit_once(':')?;
    let h = h.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(h);
    Some((h, p.parse().ok()?))
}

impl GuardedResolver {
    pub(crate) fn resolve_checked(&self, netloc: &str) -> io::Result<Vec<SocketAddr>> {
        let refuse = |r: Refusal| io::Error::new(io::ErrorKind::PermissionDenied, r);
        let (host, port) =
            split_netloc(netloc).ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "bad host:port"))?;
        let addrs = match &self.test_server {
            Some((h, p)) => {
                if (h.as_str(), *p) != (host, port) {
                    return Err(refuse(Refusal::NotTestServer(netloc.to_string())));
                }
                let addrs = self.lookup.lookup(host, port)?;
                if addrs.is_empty() || !addrs.iter().all(|a| a.is_loopback()) {
                    return Err(refuse(Refusal::NotTestServer(netloc.to_string())));
                }
                addrs
            }
            None => {
                let addrs = self.lookup.lookup(host, port)?;
                check_resolved(host, &addrs).map_err(refuse)?;
                addrs
            }
        };
        Ok(addrs.into_iter().map(|a| SocketAddr::new(a, port)).collect())
    }
}

impl ureq::Resolver for GuardedResolver {
    fn resolve(&self, netloc: &str) -> io::Result<Vec<SocketAddr>> {
        self.resolve_checked(netloc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::sync::Mutex;

    #[test]
    fn only_salesforce_owned_subdomains_pass() {
        for ok in [
            "acme.my.salesforce.com",
            "ACME--UAT.sandbox.my.salesforce.com",
            "login.salesforce.com.",
            "login.salesforce.com:443",
            "acme.lightning.force.com",
            "acme.my.site.com",
            "mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com",
            "na1.cloudforce.com",
            "acme.database.com",
            "acme.salesforce-sites.com",
        ] {
            assert!(salesforce_host(ok).is_ok(), "{ok}");
        }
        assert_eq!(salesforce_host("Login.Salesforce.com.:443").unwrap(), "login.salesforce.com");
        assert_eq!(salesforce_host("Acme.My.Salesforce.com:443").unwrap(), "acme.my.salesforce.com");
        for bad in [
            "evil.example.com",
            "salesforce.com",
            "evilsalesforce.com",
            "salesforce.com.evil.io",
            "acme.my.salesforce.com.evil.io",
            "site.com",
            "acme.site.com",
            "10.0.0.1",
            "[::1]",
            "::1",
            "acme..salesforce.com",
            "-acme.salesforce.com",
            "acme.salesforce.com/x",
            "user@acme.salesforce.com",
            "",
        ] {
            assert!(matches!(salesforce_host(bad), Err(Refusal::NotSalesforce(_))), "{bad}");
        }
        assert_eq!(
            salesforce_host("acme.my.salesforce.com:8443"),
            Err(Refusal::Port("acme.my.salesforce.com:8443".into()))
        );
        assert_eq!(
            salesforce_host("evil.example.com").unwrap_err().to_string(),
            "refused to contact evil.example.com: not a Salesforce-owned host (allowed: *.salesforce.com, *.force.com, *.my.site.com, *.marketingcloudapis.com, *.salesforce-sites.com, *.cloudforce.com, *.database.com)"
        );
    }

    #[test]
    fn non_public_addresses_are_forbidden_in_every_spelling() {
        for bad in [
            "0.0.0.0",
            "127.0.0.1",
            "127.255.0.9",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "192.0.0.8",
            "192.0.2.1",
            "198.18.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "64:ff9b::a00:1",
            "2002:a00:1::1",
            "2001:0:4136:e378::1",
            "2001:db8::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "fec0::1",
            "ff02::1",
        ] {
            let ip: IpAddr = bad.parse().unwrap();
            assert!(forbidden(ip).is_some(), "{bad} must be forbidden");
        }
        for ok in [
            "13.108.0.1",
            "172.32.0.1",
            "100.128.0.1",
            "8.8.8.8",
            "::ffff:13.108.0.1",
            "64:ff9b::d6c:1",
            "2002:d6c:1::1",
            "2606:4700::1111",
        ] {
            let ip: IpAddr = ok.parse().unwrap();
            assert_eq!(forbidden(ip), None, "{ok} is public");
        }
    }

    /// Answers from a table and records every question.
    struct FakeLookup {
        table: HashMap<&'static str, Vec<IpAddr>>,
        asked: Mutex<Vec<String>>,
    }

    impl Lookup for FakeLookup {
        fn lookup(&self, host: &str, _port: u16) -> io::Result<Vec<IpAddr>> {
            self.asked.lock().unwrap().push(host.to_string());
            self.table.get(host).cloned().ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no such host"))
        }
    }

    fn resolver(test_server: Option<(String, u16)>) -> GuardedResolver {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let table = HashMap::from([
            ("acme.my.salesforce.com", vec![ip("13.108.0.1")]),
            ("rebound.my.salesforce.com", vec![ip("13.108.0.1"), ip("10.0.0.7")]),
            ("mapped.my.salesforce.com", vec![ip("::ffff:192.168.0.1")]),
            ("meta.my.salesforce.com", vec![ip("169.254.169.254")]),
            ("127.0.0.1", vec![ip("127.0.0.1")]),
        ]);
        GuardedResolver { lookup: Arc::new(FakeLookup { table, asked: Mutex::new(Vec::new()) }), test_server }
    }

    fn refusal(e: io::Error) -> Refusal {
        e.get_ref().and_then(|r| r.downcast_ref::<Refusal>()).cloned().expect("a refusal")
    }

    #[test]
    fn resolver_hands_out_only_checked_public_addresses() {
        let r = resolver(None);
        assert_eq!(
            r.resolve_checked("acme.my.salesforce.com:443").unwrap(),
            vec!["13.108.0.1:443".parse::<SocketAddr>().unwrap()]
        );
        let e = refusal(r.resolve_checked("rebound.my.salesforce.com:443").unwrap_err());
        assert_eq!(
            e.to_string(),
            "refused to contact rebound.my.salesforce.com: it resolves to a private address 10.0.0.7"
        );
        let e = refusal(r.resolve_checked("mapped.my.salesforce.com:443").unwrap_err());
        assert!(e.to_string().contains("IPv4-mapped"), "{e}");
        let e = refusal(r.resolve_checked("meta.my.salesforce.com:443").unwrap_err());
        assert!(e.to_string().contains("link-local address 169.254.169.254"), "{e}");
        // Even in normal mode a loopback test server is refused.
        assert!(matches!(refusal(r.resolve_checked("127.0.0.1:8080").unwrap_err()), Refusal::Address { .. }));
    }

    #[test]
    fn test_mode_resolver_answers_only_for_the_test_server() {
        let r = resolver(Some(("127.0.0.1".into(), 8080)));
        assert_eq!(r.resolve_checked("127.0.0.1:8080").unwrap(), vec!["127.0.0.1:8080".parse::<SocketAddr>().unwrap()]);
        for other in ["127.0.0.1:8081", "acme.my.salesforce.com:443"] {
            assert!(matches!(refusal(r.resolve_checked(other).unwrap_err()), Refusal::NotTestServer(_)));
        }
    }
}
