#!/usr/bin/env python3
"""Generate keyword-dense authentication logs for throughput and false-positive benchmarks (issue 15).

usage: gen-auth-logs.py OUT_DIR [--mb 95] [--seed 15] [--plant 8] [--uniform]

Writes OUT_DIR/*.log and *.jsonl, about --mb MiB of text in all (same unit as
../shared/bench/gen-logs.py), in the formats incident responders collect from authentication
services, API gateways, identity providers and proxies: nginx/Apache access lines with query strings,
logfmt (key=value), JSON lines (IdP events, gateway access logs), Java HttpClient wire logs and squid,
syslog (sshd, PAM, sudo, agents), Keycloak and Spring Security events.

Nearly every line carries the words scanners anchor on (password, token, secret, sid, Bearer, ...),
and every value under them is masked (********, [REDACTED], <hidden>, ****, xxxxx, REDACTED,
[FILTERED], %2A%2A%2A%2A, partial prefixes such as `00DHs0000Xa1B2c!AQ****`), empty, a reference,
a hash or fingerprint, or an identifier that is not a credential: session ids of other frameworks
(JSESSIONID, PHPSESSID, connect.sid, Keycloak UUIDs, ASP.NET), request and trace ids, OAuth state
values, public client ids (including three Salesforce-shaped consumer keys, which are identifiers,
not secrets). So every tool should report nothing: each finding outside a planted line is a false
positive.

With --plant N (default 8) N fake Salesforce credentials of the exact shapes in
../shared/salesforce-credentials.md are planted, each in a line of its file's own format, and
OUT_DIR/planted.jsonl lists them (file, line, kind), as gen-logs.py does. Their values are random:
not real credentials. The same arguments always give the same bytes.

--uniform writes one file of issue 15's example line instead, the same fields on every line with
only the time and user changing (`<time> user=... password=******** token_type=Bearer
access_token=<redacted> refresh_token=<redacted>`), and plants nothing: the densest case, which
the issue's "26 MB/s, four times slower than kingfisher and betterleaks" describes.
"""
import argparse, json, os, random, string, time

ALNUM = string.ascii_letters + string.digits
TOKCH = ALNUM + "._"
B64URL = ALNUM + "-_"
HEX = "0123456789abcdef"
T0 = 1791763200  # 2026-10-12T00:00:00Z

FIRST = ["james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "william", "elizabeth",
         "david", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen",
         "priya", "wei", "ahmed", "fatima", "lucas", "sofia", "mateo", "yuki", "olga", "kwame", "ines", "raj",
         "anna", "noah", "emma", "liam", "chen", "arjun", "lena", "tomas", "aisha", "diego", "hana", "omar"]
LAST = ["smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
        "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin",
        "lee", "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson",
        "nguyen", "kim", "patel", "muller", "rossi", "silva", "kowalski", "tanaka", "okafor", "haddad"]
DOMAINS = ["acme.com", "acme.com", "acme.com", "acme-corp.com", "contractors.acme.io", "gmail.com",
           "outlook.com", "partner.example.net"]
SERVICE_USERS = ["svc-integration", "svc-backup", "svc-reporting", "ci-deployer", "mulesoft-runtime",
                 "integration@acme.com.prod", "integration@acme.com.uat", "etl@acme.com.prod",
                 "api-user@acme.com", "okta-sync", "scim-provisioner"]
SSH_USERS = ["root", "admin", "ubuntu", "test", "oracle", "postgres", "user", "git", "deploy", "pi", "ftpuser",
             "guest", "support", "jenkins", "hadoop", "nagios", "ec2-user", "centos", "www-data", "mysql"]
UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.6668.100 Mobile Safari/537.36",
    "curl/8.9.1", "python-requests/2.32.3", "Go-http-client/2.0", "okhttp/4.12.0", "axios/1.7.7",
    "Apache-HttpClient/4.5.14 (Java/17.0.12)", "PostmanRuntime/7.42.0", "simple-salesforce/1.12.6",
    "SFDX Toolbelt", "MuleSoft-Salesforce-Connector/10.20.0", "Salesforce Data Loader/61.0.0",
    "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)", "aws-sdk-go-v2/1.30.5",
]
CLIENTS = ["web-portal", "mobile-ios", "mobile-android", "partner-api", "reporting-ui", "admin-console",
           "0oa1k9x2mQ7bT4vZ35d7", "0oa8r3w6yH2nP9cL15d7", "grafana", "jenkins", "account", "security-admin-console"]
MASK_PW = ["********", "********", "********", "[REDACTED]", "<hidden>", "***", "REDACTED", "[FILTERED]",
           "******", "xxxxxxxx", "<redacted>", "", "***masked***", "[PROTECTED]", "<masked>", "(hidden)",
           "************", "*****", "[secure]", "<not logged>"]
MASK_TOK = ["<redacted>", "<redacted>", "REDACTED", "[REDACTED]", "***", "****", "[FILTERED]", "<hidden>",
            "xxxxx", "*****", "<REDACTED ACCESS TOKEN>", "[MASKED]", "null", "-", "(omitted)"]
MASK_SECRET = ["xxxxx", "**********", "****", "[REDACTED]", "<hidden>", "REDACTED", "***", "xxxxxxxxxxxxxxxx",
               "<client_secret>", "[FILTERED]", "*****"]
SCOPES = ["openid profile email", "openid", "api refresh_token", "api refresh_token offline_access",
          "openid offline_access", "read:users write:users", "full", "web api", "okta.users.read"]
REALM_ERRORS = ["invalid_user_credentials", "user_not_found", "invalid_client_credentials", "expired_code",
                "invalid_grant", "user_temporarily_disabled", "invalid_token", "session_expired"]


class Gen:
    def __init__(self, seed):
        self.r = r = random.Random(seed)
        self.users = ["%s.%s@%s" % (r.choice(FIRST), r.choice(LAST), r.choice(DOMAINS)) for _ in range(4000)]
        self.users += SERVICE_USERS * 20
        self.pub_ips = ["%d.%d.%d.%d" % (r.choice([23, 34, 45, 52, 66, 81, 91, 103, 141, 185, 193, 203, 212]),
                                         r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)) for _ in range(3000)]
        self.priv_ips = ["10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 255), r.randint(1, 254)) for _ in range(300)]
        self.hosts = ["auth-gw-%02d" % i for i in range(1, 7)] + ["idp-%02d" % i for i in range(1, 4)] + ["bastion-01", "sync-01"]
        # Salesforce-shaped consumer keys: public identifiers of the company's connected apps.
        self.sf_clients = ["3MVG9" + self.s(TOKCH, 80) for _ in range(3)]
        self.sf_users = ["integration@acme.com.prod", "etl@acme.com.prod", "ops@acme.com", "mule@acme.com.uat"]
        self.sf_hosts = ["login.salesforce.com", "acme.my.salesforce.com", "acme--uat.sandbox.my.salesforce.com",
                         "test.salesforce.com"]
        self.orgs = ["00D" + self.s(ALNUM, 2) + "0000" + self.s(ALNUM, 6) for _ in range(3)]

    # ---- small values -------------------------------------------------------------------------
    def s(self, al, n):
        return "".join(self.r.choices(al, k=n))

    def hexid(self, bits=128):
        return "%0*x" % (bits // 4, self.r.getrandbits(bits))

    def uuid(self):
        h = self.hexid()
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], self.r.choice("89ab"), h[17:20], h[20:32])

    def user(self):
        return self.r.choice(self.users)

    def ip(self):
        return self.r.choice(self.pub_ips) if self.r.random() < 0.7 else self.r.choice(self.priv_ips)

    def ua(self):
        return self.r.choice(UAS)

    def pw(self):
        return self.r.choice(MASK_PW)

    def tok(self):
        r = self.r.random()
        if r < 0.04:  # a logged prefix of a Salesforce session, the rest masked
            return self.r.choice(self.orgs) + "!AQ" + "*" * self.r.choice([4, 8, 12])
        if r < 0.08:  # a fingerprint instead of the value
            return "sha256:" + self.hexid(64)[:12]
        if r < 0.11:  # last four only
            return "****" + self.s(ALNUM, 4)
        return self.r.choice(MASK_TOK)

    def secret(self):
        return self.r.choice(MASK_SECRET)

    def session(self):
        """A session id of some framework: never Salesforce-shaped."""
        k = self.r.randrange(6)
        if k == 0:
            return "JSESSIONID", self.hexid().upper()
        if k == 1:
            return "PHPSESSID", self.s("abcdefghijklmnopqrstuv0123456789", 26)
        if k == 2:
            return "connect.sid", "s%3A" + self.s(B64URL, 32) + "." + self.s(B64URL, 43)
        if k == 3:
            return "KEYCLOAK_SESSION", "acme/" + self.uuid() + "/" + self.uuid()
        if k == 4:
            return "ASP.NET_SessionId", self.s("abcdefghijklmnopqrstuvwxyz012345", 24)
        return "sid", self.hexid()

    # ---- time ---------------------------------------------------------------------------------
    def start_clock(self):
        self.t = T0 * 1000 + self.r.randint(0, 3600_000)

    def tick(self):
        self.t += int(self.r.expovariate(1 / 150.0))
        return self.t

    def iso(self):
        t = self.tick()
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t // 1000)) + ".%03dZ" % (t % 1000)

    def clf(self):
        t = self.tick()
        return time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(t // 1000))

    def java(self):
        t = self.tick()
        return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t // 1000)) + ",%03d" % (t % 1000)

    def sysl(self):
        t = self.tick()
        ts = time.gmtime(t // 1000)
        return time.strftime("%b ", ts) + ("%2d" % ts.tm_mday) + time.strftime(" %H:%M:%S", ts)

    # ---- formats --------------------------------------------------------------------------------
    def q(self, v):
        return v.replace("@", "%40").replace(" ", "+").replace("*", "%2A").replace("<", "%3C").replace(">", "%3E").replace("[", "%5B").replace("]", "%5D")

    def access_path(self):
        r, u = self.r, self.user()
        k = r.randrange(14)
        if k == 0:
            return "POST", "/oauth2/v1/token?grant_type=password&username=%s&password=%s&client_id=%s&scope=%s" % (
                self.q(u), self.q(self.pw()), r.choice(CLIENTS), self.q(r.choice(SCOPES)))
        if k == 1:
            return "POST", "/oauth2/v1/token?grant_type=refresh_token&refresh_token=%s&client_id=%s&client_secret=%s" % (
                self.q(self.tok()), r.choice(CLIENTS), self.q(self.secret()))
        if k == 2:
            return "POST", "/services/oauth2/token?grant_type=password&client_id=%s&client_secret=%s&username=%s&password=%s" % (
                r.choice(self.sf_clients), self.q(self.secret()), self.q(r.choice(self.sf_users)), self.q(self.pw()))
        if k == 3:
            return "GET", "/callback?code=%s&state=%s&session_state=%s" % (self.q(self.tok()), self.hexid(64), self.uuid())
        if k == 4:
            return "GET", "/logout?id_token_hint=%s&post_logout_redirect_uri=https%%3A%%2F%%2Fapp.acme.com%%2F" % self.q(self.tok())
        if k == 5:
            return "GET", "/secur/frontdoor.jsp?sid=%s&retURL=%%2Flightning%%2Fpage%%2Fhome" % self.q(self.tok())
        if k == 6:
            return "GET", "/api/v2/users/me?access_token=%s" % self.q(self.tok())
        if k == 7:
            return "POST", "/reset-password?token=%s&email=%s" % (self.q(self.tok()), self.q(u))
        if k == 8:
            return "POST", "/login?username=%s&password=%s&remember_me=%s" % (self.q(u), self.q(self.pw()), r.choice(["true", "false"]))
        if k == 9:
            return "GET", "/services/data/v61.0/query?q=SELECT+Id%2CName+FROM+Account+LIMIT+200"
        if k == 10:
            return "POST", "/oauth2/v1/introspect?token=%s&token_type_hint=%s" % (self.q(self.tok()), r.choice(["access_token", "refresh_token"]))
        if k == 11:
            return "POST", "/api/v1/sessions?sid=%s" % self.session()[1]
        if k == 12:
            return "GET", "/static/js/app.%s.js" % self.hexid(32)
        return "POST", "/oauth2/v1/revoke?token=%s&token_type_hint=refresh_token&client_id=%s" % (self.q(self.tok()), r.choice(CLIENTS))

    def line_access(self):
        r = self.r
        method, path = self.access_path()
        u = self.user() if r.random() < 0.4 else "-"
        status = r.choice([200, 200, 200, 200, 302, 400, 401, 401, 403, 429, 500])
        auth = ""
        if r.random() < 0.5:
            auth = ' "%s"' % r.choice(["Bearer " + self.tok(), "Basic " + r.choice(MASK_TOK), "-"])
        return '%s - %s [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"%s rt=%.3f upstream=%s:8443' % (
            self.ip(), u, self.clf(), method, path, status, r.randint(0, 9000),
            r.choice(["-", "https://app.acme.com/", "https://login.acme.com/login"]), self.ua(), auth,
            r.random() * 0.4, r.choice(self.priv_ips))

    def line_logfmt(self):
        r = self.r
        k = r.randrange(6)
        base = "ts=%s level=%s svc=auth-api req_id=%s" % (self.iso(), r.choice(["info", "info", "info", "warn", "debug", "error"]), self.hexid(64))
        u = self.user()
        if k == 0:
            return '%s msg="token issued" user=%s client_id=%s grant_type=password password=%s token_type=Bearer access_token=%s refresh_token=%s expires_in=%d scope="%s" sid=%s ip=%s' % (
                base, u, r.choice(CLIENTS), self.pw(), self.tok(), self.tok(), r.choice([900, 3600, 7200]), r.choice(SCOPES), self.hexid(), self.ip())
        if k == 1:
            return '%s msg="login failed" user=%s password=%s reason=%s attempts=%d ip=%s ua="%s"' % (
                base, u, self.pw(), r.choice(["bad_password", "locked", "mfa_required", "unknown_user"]), r.randint(1, 9), self.ip(), self.ua())
        if k == 2:
            return '%s msg="refresh" user=%s grant_type=refresh_token refresh_token=%s access_token=%s token_type=Bearer client_id=%s client_secret=%s' % (
                base, u, self.tok(), self.tok(), r.choice(CLIENTS), self.secret())
        if k == 3:
            return '%s msg="salesforce login" user=%s password=%s security_token=%s instance_url=https://%s token_type=Bearer access_token=%s client_id=%s' % (
                base, r.choice(self.sf_users), self.pw(), r.choice(["****", "********", "<hidden>", "REDACTED", ""]),
                r.choice(self.sf_hosts), self.tok(), r.choice(self.sf_clients))
        if k == 4:
            name, sid = self.session()
            return '%s msg="session created" user=%s %s=%s csrf_token=%s mfa=%s ip=%s' % (
                base, u, "session_id" if name != "sid" else "sid", sid, self.tok(), r.choice(["totp", "push", "none", "webauthn"]), self.ip())
        return '%s msg="password changed" user=%s old_password=%s new_password=%s password_policy=default token_revoked=%s' % (
            base, u, self.pw(), self.pw(), r.choice(["true", "false"]))

    def line_idp(self):
        r = self.r
        u = self.user()
        ev = r.choice(["user.session.start", "user.authentication.sso", "app.oauth2.token.grant", "user.authentication.auth_via_mfa",
                       "user.session.end", "app.oauth2.token.revoke", "user.account.update_password"])
        req = {"grant_type": r.choice(["password", "authorization_code", "refresh_token", "client_credentials"])}
        if req["grant_type"] == "password":
            req["username"] = u
            req["password"] = self.pw()
        req["client_id"] = r.choice(CLIENTS + self.sf_clients[:1])
        if r.random() < 0.5:
            req["client_secret"] = self.secret()
        if req["grant_type"] == "refresh_token":
            req["refresh_token"] = self.tok()
        d = {"uuid": self.uuid(), "published": self.iso(), "eventType": ev, "severity": r.choice(["INFO", "INFO", "WARN"]),
             "actor": {"id": "00u" + self.s(ALNUM, 17), "type": "User", "alternateId": u, "displayName": u.split("@")[0].replace(".", " ").title()},
             "client": {"ipAddress": self.ip(), "userAgent": {"rawUserAgent": self.ua()}, "zone": "null"},
             "outcome": r.choice([{"result": "SUCCESS", "reason": None}, {"result": "SUCCESS", "reason": None},
                                  {"result": "FAILURE", "reason": r.choice(["INVALID_CREDENTIALS", "VERIFICATION_ERROR", "LOCKED_OUT"])},
                                  {"result": "CHALLENGE", "reason": None}]),
             "authenticationContext": {"externalSessionId": "102" + self.s(ALNUM, 22), "authenticationStep": 0},
             "debugContext": {"debugData": {"requestId": self.s(ALNUM + "-", 27), "request": req,
                                            "response": {"token_type": "Bearer", "access_token": self.tok(), "refresh_token": self.tok(),
                                                         "id_token": self.tok(), "expires_in": 3600, "scope": r.choice(SCOPES)},
                                            "sessionId": self.hexid()}}}
        return json.dumps(d, separators=(",", ":"))

    def line_wire(self):
        r = self.r
        pre = "%s DEBUG [org.apache.http.wire] (http-outgoing-%d) " % (self.java(), r.randint(0, 40))
        k = r.randrange(9)
        if k == 0:
            return pre + '>> "Authorization: Bearer %s[\\r][\\n]"' % self.tok()
        if k == 1:
            return pre + '>> "POST /services/oauth2/token HTTP/1.1[\\r][\\n]"'
        if k == 2:
            return pre + '>> "grant_type=password&client_id=%s&client_secret=%s&username=%s&password=%s"' % (
                r.choice(self.sf_clients), self.q(self.secret()), self.q(r.choice(self.sf_users)), self.q(self.pw()))
        if k == 3:
            return pre + '<< "{"access_token":"%s","instance_url":"https://%s","id":"https://login.salesforce.com/id/%s/005%s","token_type":"Bearer","issued_at":"%d","signature":"%s="}"' % (
                self.tok(), r.choice(self.sf_hosts), r.choice(self.orgs), self.s(ALNUM, 12), self.t, self.s(ALNUM + "+/", 43))
        if k == 4:
            name, sid = self.session()
            return pre + '<< "Set-Cookie: %s=%s; Path=/; Secure; HttpOnly; SameSite=Lax[\\r][\\n]"' % (name, sid)
        if k == 5:
            name, sid = self.session()
            return pre + '>> "Cookie: %s=%s; sid=%s; csrftoken=%s[\\r][\\n]"' % (name, sid, self.tok(), self.tok())
        if k == 6:
            return pre + '>> "X-Api-Key: %s[\\r][\\n]"' % self.secret()
        if k == 7:
            return "%d.%03d %6d %s TCP_TUNNEL/200 %d CONNECT %s:443 %s HIER_DIRECT/%s -" % (
                self.tick() // 1000, self.t % 1000, r.randint(20, 90000), r.choice(self.priv_ips), r.randint(300, 90000),
                r.choice(self.sf_hosts + ["login.microsoftonline.com", "acme.okta.com", "oauth2.googleapis.com", "api.github.com"]),
                r.choice(["-", self.user()]), r.choice(self.pub_ips))
        return pre + '<< "WWW-Authenticate: Bearer realm="acme", error="invalid_token", error_description="The access token expired"[\\r][\\n]"'

    def line_syslog(self):
        r = self.r
        h = r.choice(self.hosts)
        pid = r.randint(300, 65000)
        k = r.randrange(11)
        if k <= 2:
            return "%s %s sshd[%d]: Failed password for %s%s from %s port %d ssh2" % (
                self.sysl(), h, pid, r.choice(["", "invalid user "]), r.choice(SSH_USERS), r.choice(self.pub_ips), r.randint(1024, 65535))
        if k == 3:
            return "%s %s sshd[%d]: Accepted %s for %s from %s port %d ssh2%s" % (
                self.sysl(), h, pid, r.choice(["password", "publickey"]), r.choice(SSH_USERS[:6]), self.ip(), r.randint(1024, 65535),
                r.choice(["", ": RSA SHA256:" + self.s(ALNUM + "+/", 43)]))
        if k == 4:
            return "%s %s sshd[%d]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=%s" % (
                self.sysl(), h, pid, r.choice(self.pub_ips), r.choice(SSH_USERS))
        if k == 5:
            return "%s %s sudo[%d]: %s : TTY=pts/%d ; PWD=/home/%s ; USER=root ; COMMAND=/usr/bin/systemctl restart %s" % (
                self.sysl(), h, pid, r.choice(SSH_USERS[:6]), r.randint(0, 5), r.choice(SSH_USERS[:6]), r.choice(["sf-sync", "auth-api", "nginx", "keycloak"]))
        if k == 6:
            return "%s %s sf-sync[%d]: login user=%s password=%s security_token=%s instance=https://%s api=/services/Soap/u/61.0 status=%s" % (
                self.sysl(), h, pid, r.choice(self.sf_users), self.pw(), r.choice(["****", "********", "<hidden>", "REDACTED", "(null)"]),
                r.choice(self.sf_hosts), r.choice(["ok", "ok", "INVALID_LOGIN", "API_DISABLED_FOR_ORG"]))
        if k == 7:
            return "%s %s vault[%d]: [INFO]  core: successful token renewal: accessor=hmac-sha256:%s token=hvs.%s ttl=768h" % (
                self.sysl(), h, pid, self.hexid(256)[:64], r.choice(["<redacted>", "****", "[REDACTED]"]))
        if k == 8:
            return "%s %s sssd_be[%d]: pam_sss(sshd:auth): received for user %s: 17 (Failure setting user credentials) password_expired=%s" % (
                self.sysl(), h, pid, self.user(), r.choice(["true", "false"]))
        if k == 9:
            return "%s %s auth-api[%d]: level=info msg=\"oauth token\" client_id=%s client_secret=%s grant_type=client_credentials token_type=Bearer access_token=%s" % (
                self.sysl(), h, pid, r.choice(CLIENTS), self.secret(), self.tok())
        return "%s %s systemd-logind[%d]: New session %d of user %s." % (self.sysl(), h, pid, r.randint(1, 90000), r.choice(SSH_USERS[:6]))

    def line_keycloak(self):
        r = self.r
        k = r.randrange(6)
        pre = "%s %s [%s] (executor-thread-%d) " % (self.java(), r.choice(["WARN ", "INFO ", "DEBUG"]), "org.keycloak.events", r.randint(1, 64))
        u = self.user()
        if k == 0:
            return pre + "type=LOGIN_ERROR, realmId=acme, clientId=%s, userId=null, ipAddress=%s, error=%s, auth_method=openid-connect, grant_type=password, auth_type=code, redirect_uri=https://app.acme.com/callback, code_id=%s, username=%s" % (
                r.choice(CLIENTS), self.ip(), r.choice(REALM_ERRORS), self.uuid(), u)
        if k == 1:
            return pre + "type=CODE_TO_TOKEN, realmId=acme, clientId=%s, userId=%s, ipAddress=%s, token_id=%s, grant_type=authorization_code, refresh_token_type=Refresh, scope='%s', refresh_token_id=%s, code_id=%s, client_auth_method=client-secret" % (
                r.choice(CLIENTS), self.uuid(), self.ip(), self.uuid(), r.choice(SCOPES), self.uuid(), self.uuid())
        if k == 2:
            return pre + "type=REFRESH_TOKEN, realmId=acme, clientId=%s, userId=%s, ipAddress=%s, token_id=%s, refresh_token_id=%s, refresh_token_type=Refresh, updated_refresh_token_id=%s, scope='%s', client_auth_method=client-secret" % (
                r.choice(CLIENTS), self.uuid(), self.ip(), self.uuid(), self.uuid(), self.uuid(), r.choice(SCOPES))
        if k == 3:
            return "%s DEBUG [o.s.s.a.d.DaoAuthenticationProvider] (http-nio-8080-exec-%d) Failed to authenticate since password does not match stored value for user %s (password=%s)" % (
                self.java(), r.randint(1, 200), u, self.pw())
        if k == 4:
            return "%s INFO  [c.a.sf.SalesforceClient] (sf-sync-%d) OAuth username-password flow for %s: grant_type=password client_id=%s client_secret=%s password=%s+%s endpoint=https://%s/services/oauth2/token" % (
                self.java(), r.randint(1, 8), r.choice(self.sf_users), r.choice(self.sf_clients), self.secret(), self.pw(),
                r.choice(["<security token>", "****", "[REDACTED]"]), r.choice(self.sf_hosts))
        return pre + "type=UPDATE_PASSWORD, realmId=acme, clientId=account-console, userId=%s, ipAddress=%s, auth_method=openid-connect, custom_required_action=UPDATE_PASSWORD, password=%s, token=%s" % (
            self.uuid(), self.ip(), self.pw(), self.tok())

    def line_gateway_json(self):
        r = self.r
        method, path = self.access_path()
        uri, _, qs = path.partition("?")
        name, sid = self.session()
        hdrs = {"host": r.choice(["api.acme.com", "login.acme.com", "gw.acme.com"]), "user-agent": self.ua(),
                "authorization": r.choice(["Bearer " + self.tok(), "Basic " + r.choice(MASK_TOK), "REDACTED"]),
                "cookie": "%s=%s; _ga=GA1.2.%d.%d" % (name, sid, r.randint(10**8, 10**9), r.randint(10**9, 2 * 10**9)),
                "x-request-id": self.uuid()}
        if r.random() < 0.3:
            hdrs["x-api-key"] = self.secret()
        d = {"started_at": self.t, "client_ip": self.ip(), "service": {"name": r.choice(["auth", "users", "salesforce-proxy", "billing"])},
             "request": {"method": method, "uri": uri, "querystring": dict(kv.split("=", 1) for kv in qs.split("&")) if qs else {},
                         "headers": hdrs, "size": r.randint(200, 4000)},
             "response": {"status": r.choice([200, 200, 201, 302, 401, 403]),
                          "headers": {"content-type": "application/json", "set-cookie": "%s=%s; Path=/; HttpOnly" % self.session()}},
             "latencies": {"request": r.randint(1, 900), "kong": r.randint(0, 20), "proxy": r.randint(1, 880)},
             "consumer": {"username": self.user()}}
        self.tick()
        return json.dumps(d, separators=(",", ":"))

    def line_uniform(self):
        return "%s user=%s password=******** token_type=Bearer access_token=<redacted> refresh_token=<redacted>" % (
            self.iso(), self.user())

    # ---- planted secrets (fake, random, exact shapes) -------------------------------------------
    def org(self):
        return "00D" + self.s(ALNUM, 2) + "0000" + self.s(ALNUM, 6)

    def access_token(self, bang="!"):
        return self.org() + bang + "AQ" + self.s(TOKCH, 94)

    def refresh_token(self):
        return "5Aep861" + self.s(TOKCH, 80)

    def consumer_key(self):
        return "3MVG9" + self.s(TOKCH, 80)

    def plant(self, kind):
        r = self.r
        if kind == "password_token":  # gateway access log: OAuth username-password flow in the query
            return '%s - - [%s] "POST /services/oauth2/token?grant_type=password&client_id=%s&username=ops%%40acme.com&password=Winter2026%%21%s HTTP/1.1" 200 1424 "-" "%s" rt=0.212 upstream=%s:8443' % (
                self.ip(), self.clf(), self.consumer_key(), self.s(ALNUM, 24), self.ua(), r.choice(self.priv_ips))
        if kind == "access_token_url":
            return '%s - %s [%s] "GET /secur/frontdoor.jsp?sid=%s&retURL=%%2Fhome HTTP/1.1" 302 0 "-" "%s" rt=0.041 upstream=%s:8443' % (
                self.ip(), self.user(), self.clf(), self.access_token("%21"), self.ua(), r.choice(self.priv_ips))
        if kind == "refresh_token":
            return 'ts=%s level=debug svc=auth-api req_id=%s msg="token response" user=%s token_type=Bearer access_token=<redacted> refresh_token=%s instance_url=https://acme.my.salesforce.com' % (
                self.iso(), self.hexid(64), r.choice(self.sf_users), self.refresh_token())
        if kind == "access_token_json":
            return json.dumps({"uuid": self.uuid(), "published": self.iso(), "eventType": "app.oauth2.token.grant",
                               "debugContext": {"debugData": {"response": {"token_type": "Bearer", "access_token": self.access_token(),
                                                                           "instance_url": "https://acme.my.salesforce.com"}}}}, separators=(",", ":"))
        if kind == "access_token":
            return "%s DEBUG [org.apache.http.wire] (http-outgoing-7) >> \"Authorization: Bearer %s[\\r][\\n]\"" % (self.java(), self.access_token())
        if kind == "sfdx_auth_url":
            return "%s ci-runner-02 gitlab-runner[4412]: $ echo force://PlatformCLI::%s@acme.my.salesforce.com > auth.txt && sf org login sfdx-url --sfdx-url-file auth.txt" % (
                self.sysl(), self.refresh_token())
        if kind == "security_token":
            return "%s INFO  [c.a.sf.SalesforceClient] (sf-sync-3) login username=integration@acme.com.prod security_token=%s endpoint=https://login.salesforce.com/services/Soap/u/61.0" % (
                self.java(), self.s(ALNUM, 24))
        if kind == "client_credentials":
            d = {"started_at": self.t, "client_ip": self.ip(), "service": {"name": "salesforce-proxy"},
                 "request": {"method": "POST", "uri": "/services/oauth2/token",
                             "body": "grant_type=client_credentials&client_id=%s&client_secret=%s" % (self.consumer_key(), self.s("0123456789ABCDEF", 64))}}
            return json.dumps(d, separators=(",", ":"))
        raise ValueError(kind)


# file name, line generator, planted kind
FILES = [
    ("gateway-access.log", "line_access", "password_token"),
    ("gateway-access-2.log", "line_access", "access_token_url"),
    ("auth-service.log", "line_logfmt", "refresh_token"),
    ("idp-events.jsonl", "line_idp", "access_token_json"),
    ("http-wire.log", "line_wire", "access_token"),
    ("syslog", "line_syslog", "sfdx_auth_url"),
    ("keycloak.log", "line_keycloak", "security_token"),
    ("api-gateway.jsonl", "line_gateway_json", "client_credentials"),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=95, help="MiB of text in all (default 95)")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--plant", type=int, default=8, help="fake Salesforce secrets to plant (0-%d)" % len(FILES))
    ap.add_argument("--uniform", action="store_true", help="one file of issue 15's example line, nothing planted")
    a = ap.parse_args()
    files = [("auth-uniform.log", "line_uniform", None)] if a.uniform else FILES
    if a.uniform:
        a.plant = 0
    os.makedirs(a.out, exist_ok=True)
    g = Gen(a.seed)
    per_file = int(a.mb * 1024 * 1024) // len(files)
    plant_in = set(g.r.sample(range(len(files)), min(a.plant, len(files))))
    manifest, total = [], 0
    for fi, (name, fn, kind) in enumerate(files):
        line_fn = getattr(g, fn)
        g.start_clock()
        lines, size = [], 0
        while size < per_file:
            l = line_fn()
            lines.append(l)
            size += len(l) + 1
        if fi in plant_in:
            idx = g.r.randrange(len(lines) // 10, len(lines))
            lines[idx] = g.plant(kind)
            manifest.append({"file": name, "line": idx + 1, "kind": kind})
        data = ("\n".join(lines) + "\n").encode()
        with open(os.path.join(a.out, name), "wb") as f:
            f.write(data)
        total += len(data)
    with open(os.path.join(a.out, "planted.jsonl"), "w") as m:
        for e in manifest:
            m.write(json.dumps(e) + "\n")
    print("wrote %d files (%.1f MB of text), %d planted secrets, manifest planted.jsonl" % (len(files), total / 1e6, len(manifest)))


if __name__ == "__main__":
    main()
