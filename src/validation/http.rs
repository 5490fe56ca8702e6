//! The only way live checks talk to the network. Every request passes through `Net::send`, which
//! applies, in order: the host policy (Salesforce-owned names only), the per-host concurrency limit,
//! the global rate limit, HTTPS with a checked resolution (`GuardedResolver`), timeouts, no
//! redirects, no proxies, and bounded retries of HTTP 429 with backoff. Nothing here ever formats a
//! credential into a message; credentials travel only in the `Authorization` header or the body.

use super::policy::{self, GuardedResolver, Lookup, Refusal};
use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

/// Header naming the Salesforce host a request is meant for, sent only in test mode (where every
/// request goes to the test server) so tests can see where it would have gone.
pub(crate) const TARGET_HEADER: &str = "X-Forcescan-Target";

/// Answers are small JSON or XML documents; anything longer is cut.
const MAX_BODY: u64 = 256 * 1024;

/// `Retry-After` is honoured up to this long, so one slow answer cannot stall a run for hours.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// Locks a mutex even if a thread panicked while holding it: the data here (counters, a time)
/// stays meaningful, and validation must never bring the scan down.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Spaces requests at least `interval` apart across all threads.
struct RateLimiter {
    interval: Duration,
    next: Mutex<Instant>,
}

impl RateLimiter {
    fn wait(&self) {
        let at = {
            let mut next = lock(&self.next);
            let at = (*next).max(Instant::now());
            *next = at + self.interval;
            at
        };
        thread::sleep(at.saturating_duration_since(Instant::now()));
    }
}

/// At most `max` requests in flight to one host.
struct HostSlots {
    max: usize,
    busy: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

struct Slot<'a> {
    slots: &'a HostSlots,
    host: String,
}

impl HostSlots {
    fn acquire(&self, host: &str) -> Slot<'_> {
        let mut busy = lock(&self.busy);
        while busy.get(host).copied().unwrap_or(0) >= self.max {
            busy = self.freed.wait(busy).unwrap_or_else(|e| e.into_inner());
        }
        *busy.entry(host.to_string()).or_default() += 1;
        Slot { slots: self, host: host.to_string() }
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut busy = lock(&self.slots.busy);
        if let Some(n) = busy.get_mut(&self.host) {
            *n -= 1;
            if *n == 0 {
                busy.remove(&self.host);
            }
        }
        self.slots.freed.notify_all();
    }
}

/// What a request carries besides its headers.
pub(crate) enum Payload<'a> {
    /// A GET.
    Empty,
    /// A POST of `application/x-www-form-urlencoded` fields.
    Form(&'a [(&'a str, &'a str)]),
    /// A POST of a SOAP envelope (`SOAPAction: login`).
    SoapLogin(&'a str),
}

/// An HTTP answer (any status).
pub struct Reply {
    /// The Salesforce host asked (normalised).
    pub host: String,
    pub status: u16,
    pub body: String,
    /// The `Retry-After` header, as sent.
    retry_after: Option<String>,
}

/// Why no answer was obtained.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The policy forbade the request; nothing was sent.
    Refused(Refusal),
    /// The request failed on the way: a one-line message naming the host.
    Failed(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Refused(r) => r.fmt(f),
            Failure::Failed(m) => f.write_str(m),
        }
    }
}

/// The answer's text, bounded. A body cut short (by a timeout) is still worth parsing: the status
/// is what matters.
fn read_body(resp: ureq::Response) -> String {
    let mut buf = Vec::new();
    let _ = resp.into_reader().take(MAX_BODY).read_to_end(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// Connection settings (see `validation::Options` for what each means to a user).
pub(crate) struct NetConfig {
    pub timeout: Duration,
    pub rate_per_sec: f64,
    pub per_host: usize,
    pub retries: u32,
    pub backoff: Duration,
    pub test_server: Option<TestServer>,
}

/// Test mode: every request goes to `base` (plain HTTP on loopback).
pub(crate) struct TestServer {
    pub base: String,
    pub host: String,
    pub port: u16,
}

pub(crate) struct Net {
    agent: ureq::Agent,
    base: Option<String>,
    limiter: RateLimiter,
    slots: HostSlots,
    pub retries: u32,
    backoff: Duration,
    timeout: Duration,
}

impl Net {
    pub fn new(cfg: NetConfig, lookup: Arc<dyn Lookup>) -> Net {
        let test = cfg.test_server.is_some();
        let resolver =
            GuardedResolver { lookup, test_server: cfg.test_server.as_ref().map(|t| (t.host.clone(), t.port)) };
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(cfg.timeout.min(Duration::from_secs(5)))
            .timeout(cfg.timeout)
            .redirects(0)
            .https_only(!test)
            .user_agent(concat!("forcescan/", env!("CARGO_PKG_VERSION")))
            .resolver(resolver)
            .build();
        let rate =
            if cfg.rate_per_sec.is_finite() && cfg.rate_per_sec > 0.0 { cfg.rate_per_sec } else { f64::INFINITY };
        Net {
            agent,
            base: cfg.test_server.map(|t| t.base),
            limiter: RateLimiter { interval: Duration::from_secs_f64(1.0 / rate), next: Mutex::new(Instant::now()) },
            slots: HostSlots { max: cfg.per_host.max(1), busy: Mutex::new(HashMap::new()), freed: Condvar::new() },
            retries: cfg.retries,
            backoff: cfg.backoff,
            timeout: cfg.timeout,
        }
    }

    /// Sends one request to `path` on the Salesforce host `host`: a GET for [`Payload::Empty`],
    /// else a POST. Returns the answer whatever its status; a 429 is retried first.
    pub fn send(&self, host: &str, path: &str, bearer: Option<&str>, payload: Payload) -> Result<Reply, Failure> {
        let host = policy::salesforce_host(host).map_err(Failure::Refused)?;
        let url = match &self.base {
            None => format!("https://{host}{path}"),
            Some(base) => format!("{base}{path}"),
        };
        let mut attempt = 0;
        loop {
            let result = {
                let _slot = self.slots.acquire(&host);
                self.limiter.wait();
                let method = match payload {
                    Payload::Empty => "GET",
                    _ => "POST",
                };
                let mut req = self.agent.request(method, &url);
                if self.base.is_some() {
                    req = req.set(TARGET_HEADER, &host);
                }
                if let Some(token) = bearer {
                    req = req.set("Authorization", &format!("Bearer {token}"));
                }
                let result = match payload {
                    Payload::Empty => req.call(),
                    Payload::Form(fields) => req.send_form(fields),
                    Payload::SoapLogin(xml) => {
                        req.set("Content-Type", "text/xml; charset=UTF-8").set("SOAPAction", "login").send_string(xml)
                    }
                };
                // Read the body while the slot is held: the exchange is not over before that.
                match result {
                    Ok(resp) | Err(ureq::Error::Status(_, resp)) => Ok(Reply {
                        status: resp.status(),
                        retry_after: resp.header("Retry-After").map(str::to_string),
                        body: read_body(resp),
                        host: host.clone(),
                    }),
                    Err(ureq::Error::Transport(t)) => Err(self.failure(&host, t)),
                }
            };
            match result {
                Ok(r) if r.status == 429 && attempt < self.retries => {
                    thread::sleep(self.delay(attempt, r.retry_after.as_deref()));
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// Backoff before retry `attempt` (0-based): the server's `Retry-After` seconds when given
    /// (capped), else `backoff` doubled at each attempt.
    fn delay(&self, attempt: u32, retry_after: Option<&str>) -> Duration {
        match retry_after.map(|r| r.trim().parse::<u64>()) {
            Some(Ok(secs)) => Duration::from_secs(secs).min(MAX_RETRY_AFTER),
            _ => self.backoff.saturating_mul(1 << attempt.min(10)).min(MAX_RETRY_AFTER),
        }
    }

    /// One line for a transport error, naming the host and never the URL's query or the body.
    fn failure(&self, host: &str, t: ureq::Transport) -> Failure {
        use std::error::Error as _;
        let mut src = t.source();
        while let Some(e) = src {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                if let Some(r) = io.get_ref().and_then(|i| i.downcast_ref::<Refusal>()) {
                    return Failure::Refused(r.clone());
                }
                if matches!(io.kind(), std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock) {
                    return self.timed_out(host);
                }
            }
            src = e.source();
        }
        let what = match t.kind() {
            ureq::ErrorKind::Dns => "could not resolve",
            ureq::ErrorKind::ConnectionFailed => "could not connect to",
            ureq::ErrorKind::TooManyRedirects => "was redirected away from",
            _ => "network error talking to",
        };
        if t.message().is_some_and(|m| m.contains("timed out")) {
            return self.timed_out(host);
        }
        Failure::Failed(format!("{what} {host}"))
    }

    fn timed_out(&self, host: &str) -> Failure {
        Failure::Failed(format!("{host} did not answer within {}s", self.timeout.as_secs_f64()))
    }
}
