//! A stand-in for Salesforce's OAuth and SOAP endpoints, listening on 127.0.0.1 only, for the live
//! validation tests. Each credential the tests plant is given a [`Behaviour`]; credentials the
//! server does not know are rejected the way Salesforce rejects them. Every request is recorded,
//! with the host it was meant for (the `X-Forcescan-Target` header of test mode).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the server does with one credential.
#[derive(Clone, Debug)]
pub enum Behaviour {
    /// Accepted; userinfo and logins answer with this username.
    Live(&'static str),
    /// Answered with this status and OAuth error code (or SOAP fault code for a 500).
    Reject(u16, &'static str),
    /// HTTP 429 with this `Retry-After` for the first `times` requests, then live.
    RateLimited { times: usize, retry_after: &'static str },
    /// Answers (live) only after this long.
    Slow(Duration),
    /// HTTP 302 to this location.
    Redirect(String),
}

/// The access token the token endpoint mints for a live refresh token or consumer secret, and
/// the session id a live SOAP login returns. Both count as live until revoked.
pub const MINTED: &str = "00DMinted000001!AQmintedKq7Zr2Lw9XvB4nT6yH1pS8dF3gJ5kU0eC.oW_iM2aR7tY4uN9bV6cX1zL3qP8sD5fG0hJ2kE7wQ4rT9yU6iO1pA3sZ";
pub const ORG_ID: &str = "00Dhu0000G8GP38EAG";
pub const USER_ID: &str = "005hu00000AbCdEAAQ";

#[derive(Clone, Debug, Default)]
pub struct Request {
    pub method: String,
    pub path: String,
    /// The Salesforce host the request was meant for.
    pub target: String,
    /// The bearer token, or the credential field of a form / SOAP body.
    pub credential: String,
    pub form: HashMap<String, String>,
    pub body: String,
}

#[derive(Default)]
struct State {
    behaviours: Mutex<HashMap<String, Behaviour>>,
    seen: Mutex<HashMap<String, usize>>,
    requests: Mutex<Vec<Request>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
}

pub struct FakeSalesforce {
    /// `http://127.0.0.1:PORT`, for `--validation-base-url`.
    pub url: String,
    state: Arc<State>,
    stop: Arc<AtomicBool>,
    addr: std::net::SocketAddr,
    accept: Option<thread::JoinHandle<()>>,
}

impl FakeSalesforce {
    pub fn start() -> FakeSalesforce {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(State::default());
        state.behaviours.lock().unwrap().insert(MINTED.to_string(), Behaviour::Live("minted@acme.com"));
        let stop = Arc::new(AtomicBool::new(false));
        let (st, sp) = (state.clone(), stop.clone());
        let accept = thread::spawn(move || {
            for conn in listener.incoming() {
                if sp.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let st = st.clone();
                thread::spawn(move || {
                    let _ = serve(&st, conn);
                });
            }
        });
        FakeSalesforce { url: format!("http://{addr}"), state, stop, addr, accept: Some(accept) }
    }

    pub fn on(&self, credential: &str, b: Behaviour) -> &Self {
        self.state.behaviours.lock().unwrap().insert(credential.to_string(), b);
        self
    }

    pub fn requests(&self) -> Vec<Request> {
        self.state.requests.lock().unwrap().clone()
    }

    /// Requests to `path` (userinfo, token, revoke, Soap), in arrival order.
    pub fn requests_to(&self, path: &str) -> Vec<Request> {
        self.requests().into_iter().filter(|r| r.path.contains(path)).collect()
    }

    pub fn max_in_flight(&self) -> usize {
        self.state.max_in_flight.load(Ordering::SeqCst)
    }
}

impl Drop for FakeSalesforce {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let h = std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(h, 16) {
                    Ok(v) => {
                        out.push(v);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn xml_field(xml: &str, tag: &str) -> String {
    let open = format!("<urn:{tag}>");
    let close = format!("</urn:{tag}>");
    xml.find(&open)
        .and_then(|i| {
            let rest = &xml[i + open.len()..];
            rest.find(&close).map(|j| rest[..j].to_string())
        })
        .unwrap_or_default()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn read_request(conn: &TcpStream) -> std::io::Result<Request> {
    conn.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut r = BufReader::new(conn);
    let mut line = String::new();
    r.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let path = parts.next().unwrap_or_default().to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if r.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let len: usize = headers.get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; len];
    r.read_exact(&mut body)?;
    let body = String::from_utf8_lossy(&body).into_owned();
    let form: HashMap<String, String> = if path.contains("/Soap/") {
        HashMap::new()
    } else {
        body.split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (percent_decode(k), percent_decode(v)))
            .collect()
    };
    let bearer = headers.get("authorization").and_then(|a| a.strip_prefix("Bearer ")).map(str::to_string);
    let credential = if path.contains("/Soap/") {
        xml_field(&body, "password")
    } else if let Some(b) = bearer {
        b
    } else {
        ["refresh_token", "client_secret", "token"].iter().find_map(|k| form.get(*k).cloned()).unwrap_or_default()
    };
    Ok(Request {
        method,
        path,
        target: headers.get("x-forcescan-target").cloned().unwrap_or_default(),
        credential,
        form,
        body,
    })
}

fn respond(conn: &mut TcpStream, status: u16, extra: &str, body: &str) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        429 => "Too Many Requests",
        500 => "Server Error",
        _ => "Status",
    };
    let ctype = if body.starts_with('<') { "text/xml" } else { "application/json" };
    write!(
        conn,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n{body}",
        body.len()
    )?;
    conn.flush()
}

fn serve(st: &State, mut conn: TcpStream) -> std::io::Result<()> {
    let req = read_request(&conn)?;
    let now = st.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    st.max_in_flight.fetch_max(now, Ordering::SeqCst);
    st.requests.lock().unwrap().push(req.clone());
    let reply = answer(st, &req);
    // Out of flight before the client can see the answer, so the count never overlaps the next
    // request of a client that waits for this one.
    st.in_flight.fetch_sub(1, Ordering::SeqCst);
    respond(&mut conn, reply.status, &reply.extra, &reply.body)
}

struct Reply {
    status: u16,
    extra: String,
    body: String,
}

impl Reply {
    fn new(status: u16, extra: &str, body: &str) -> Reply {
        Reply { status, extra: extra.to_string(), body: body.to_string() }
    }
}

fn answer(st: &State, req: &Request) -> Reply {
    let nth = {
        let mut seen = st.seen.lock().unwrap();
        let n = seen.entry(format!("{} {}", req.path, req.credential)).or_default();
        *n += 1;
        *n
    };
    let behaviour = st.behaviours.lock().unwrap().get(&req.credential).cloned();
    let username = match behaviour {
        Some(Behaviour::Live(u)) => u,
        Some(Behaviour::RateLimited { times, retry_after }) if nth <= times => {
            return Reply::new(429, &format!("Retry-After: {retry_after}\r\n"), "[]");
        }
        Some(Behaviour::RateLimited { .. }) => "limited@acme.com",
        Some(Behaviour::Slow(d)) => {
            thread::sleep(d);
            "slow@acme.com"
        }
        Some(Behaviour::Redirect(to)) => {
            return Reply::new(302, &format!("Location: {to}\r\n"), "");
        }
        Some(Behaviour::Reject(status, code)) => return reject(req, status, code),
        None => return reject(req, 0, ""),
    };
    let p = req.path.as_str();
    if p.ends_with("/services/oauth2/userinfo") {
        Reply::new(
            200,
            "",
            &format!(
                r#"{{"sub":"https://login.salesforce.com/id/{ORG_ID}/{USER_ID}","user_id":"{USER_ID}","organization_id":"{ORG_ID}","preferred_username":"{username}","email":"{username}"}}"#
            ),
        )
    } else if p.ends_with("/services/oauth2/token") {
        Reply::new(
            200,
            "",
            &format!(
                r#"{{"access_token":"{MINTED}","instance_url":"https://acme.my.salesforce.com","id":"https://login.salesforce.com/id/{ORG_ID}/{USER_ID}","token_type":"Bearer","issued_at":"1767225600000","signature":"c2lnbmF0dXJl"}}"#
            ),
        )
    } else if p.ends_with("/services/oauth2/revoke") {
        Reply::new(200, "", "")
    } else if p.contains("/services/Soap/u/") {
        Reply::new(
            200,
            "",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com"><soapenv:Body><loginResponse><result><serverUrl>https://acme.my.salesforce.com/services/Soap/u/60.0/{ORG_ID}</serverUrl><sessionId>{MINTED}</sessionId><userId>{USER_ID}</userId><userInfo><organizationId>{ORG_ID}</organizationId><userName>{username}</userName></userInfo></result></loginResponse></soapenv:Body></soapenv:Envelope>"#
            ),
        )
    } else {
        Reply::new(404, "", r#"{"error":"not_found"}"#)
    }
}

/// Rejects the way each endpoint does; `status` 0 means "an unknown credential".
fn reject(req: &Request, status: u16, code: &str) -> Reply {
    let p = req.path.as_str();
    let (status, code) = match status {
        0 if p.ends_with("/userinfo") => (401, "invalid_token"),
        0 if p.ends_with("/token") => (400, "invalid_grant"),
        0 if p.ends_with("/revoke") => (400, "unsupported_token_type"),
        0 => (500, "INVALID_LOGIN"),
        _ => (status, code),
    };
    if p.contains("/Soap/") && status == 500 {
        return Reply::new(
            500,
            "",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com"><soapenv:Body><soapenv:Fault><faultcode>sf:{code}</faultcode><faultstring>{code}: no</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>"#
            ),
        );
    }
    Reply::new(status, "", &format!(r#"{{"error":"{code}","error_description":"rejected by the fake"}}"#))
}

/// A listener that only counts connections: anything that reaches it went somewhere it must not.
pub struct Trap {
    pub url: String,
    hits: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    addr: std::net::SocketAddr,
}

impl Trap {
    pub fn start() -> Trap {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let hits = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (h, s) = (hits.clone(), stop.clone());
        thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                if conn.is_ok() {
                    h.fetch_add(1, Ordering::SeqCst);
                }
            }
        });
        Trap { url: format!("http://{addr}"), hits, stop, addr }
    }

    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

impl Drop for Trap {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
    }
}
