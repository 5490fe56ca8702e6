//! The context layer: credentials with no prefix (passwords, security tokens, consumer secrets
//! and their pairs), found by their key and their surroundings rather than by their shape.
//!
//! At an anchor hit (`pass`, `pwd`, `secret`, `token`, `login(`), [`keyvalue`] finds the key the
//! word belongs to and the key's value; the [`vocabulary`] reads the key's role and vendor; the
//! value is judged for that role ([`plausible`]); and the Salesforce context is looked for in the
//! key's path and around the value ([`scope`]). A candidate that passes becomes a provisional
//! finding carrying a [`Pending`] note. When the whole unit (file, stream, blob) has been read,
//! [`resolve`] settles each one: a candidate whose key and neighbourhood name no vendor is kept only
//! if its file is Salesforce's; a password and a security token of one login become one
//! `salesforce-password-with-token` finding with both locations, a consumer secret and its key one
//! `salesforce-client-credentials` finding; and every finding says why (its [`Evidence`]).
//!
//! The reading of one hit is here (`Layer::candidates`, with the key's reading); the rest has a
//! file of its own:
//!
//! * `blocks`: the blocks around a pair (brackets, sibling lines, sections, XML records);
//! * `vendor`: whose a credential is by what surrounds it (a block's system keys, a row, a heading);
//! * `handover`: logins and secrets handed over beside a candidate (`user / v`, `pw`, `SEC_KEY`);
//! * `sql`: keys in SQL statements;
//! * `masking`: masks in the input, and values masked out of evidence;
//! * `settle`: settling a unit's findings ([`resolve`]), pairing their halves.
//!
//! [`keyvalue`]: super::keyvalue
//! [`vocabulary`]: super::vocabulary
//! [`plausible`]: super::plausible
//! [`scope`]: super::scope
//! [`Evidence`]: super::finding::Evidence

mod blocks;
mod handover;
mod masking;
mod settle;
mod sql;
mod vendor;

use super::keyvalue::{self, Form, Pair};
use super::plausible::{self, Check, Verdict};
use super::rules::RuleBook;
use super::scope::{Hit, Scope};
use super::vocabulary::{LoginCallSpec, Vocabulary, SALESFORCE};
use blocks::{blocks, log_event};
use handover::{
    consumer_key_pair, keyless_passwords, sec_keys, secret_below, short_password_keys, slashed_login, stacked_login,
    LOGIN_SLASH,
};
pub(crate) use masking::without_values;
use masking::{masked_assignment, masked_tokens};
pub(crate) use settle::{resolve, Remake};
use sql::{in_sql, sql_alias_dropped};
use std::ops::Range;
use std::path::Path;
use vendor::{disowned, system_values_regex, table_header};

/// Why a candidate is a Salesforce credential, as far as its own surroundings tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Its key or a parent key names Salesforce.
    Key(String),
    /// Salesforce context near it, this many lines from it.
    Near(Hit, i64),
    /// What its block, row, command or header says (`url `login.salesforce.com` in its block`).
    Said(String),
}

/// What a provisional finding of the context layer carries until its unit is settled.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub(crate) role: usize,
    pub(crate) key: String,
    pub(crate) path: String,
    pub(crate) why: Option<Why>,
    pub(crate) form: Form,
    /// Values of one block (same parent keys, or one table row, or one call) belong together.
    pub(crate) block: Option<String>,
    pub(crate) row: Option<usize>,
    pub(crate) verdict: Verdict,
    /// A key that says only `token` (`DEFAULT_TOKEN`, `token \`…\`` in a chat): a security token
    /// only beside the password of the same login, never alone.
    pub(crate) generic: bool,
    /// The unit is a delimited export (CSV, TSV), whose records are separate entities (tickets,
    /// rows): free text in one record says nothing of the next.
    pub(crate) records: bool,
    /// The records around the value (enclosing objects and XML elements of up to 40 lines,
    /// innermost first), as (bytes before the value, bytes after its start): a Bitwarden item
    /// holds its login's password and a custom field's token at different depths.
    pub(crate) enclosing: Vec<(usize, usize)>,
    /// Text on the value's line says the login needs no token (`(no token needed, the IPs are
    /// whitelisted)`): a password that pairs with none.
    pub(crate) tokenless: bool,
    /// A token's key names its login (`SF_INTEGRATION_SECURITY_TOKEN`) and that login's
    /// password key is beside it (`SF_INTEGRATION_PASSWORD=$$SF_INTEGRATION_PASSWORD`, a
    /// reference): the login's name, lower-case (`sf_integration_`). The token pairs only with a
    /// password whose key names the same login, not with another login's found nearby.
    pub(crate) login: Option<String>,
}

/// The compiled layer.
pub(crate) struct Layer {
    pub(crate) vocab: Vocabulary,
    pub(crate) scope: Scope,
    checks: Vec<Option<Check>>,
    /// Role → the rule its candidates are reported under (a context rule naming the role, else the
    /// rule of a pair the role is part of, for partners that are never reported alone).
    role_rule: Vec<Option<usize>>,
    /// Roles that are only ever a partner (consumer key, username).
    support: Vec<bool>,
    /// (rule, reported role, partner role).
    pairs: Vec<(usize, usize, usize)>,
    password: Option<usize>,
    /// Client libraries' positional login calls, longest name first.
    login_calls: Vec<LoginCallSpec>,
    /// Finds the values of keys that name a system (`type: snowflake`, `"host": "…"`).
    system_re: regex::bytes::Regex,
}

/// Source files, where an unquoted value is an expression rather than a literal.
pub(crate) fn is_code(path: Option<&Path>) -> bool {
    const CODE: &[&str] = &[
        "py", "js", "mjs", "cjs", "ts", "tsx", "jsx", "rb", "go", "java", "kt", "kts", "scala", "cs", "vb", "php",
        "pl", "pm", "r", "ps1", "psm1", "swift", "m", "gs", "groovy", "dart", "rs", "c", "cc", "cpp", "h", "hpp",
        "lua", "ex", "exs", "cls", "trigger", "apex", "rmd", "qmd",
    ];
    path.and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .is_some_and(|e| CODE.iter().any(|c| e.eq_ignore_ascii_case(c)))
}

impl Layer {
    /// A key that names a password and token together (`salesforce.password.token`, `pw_token`)
    /// holding a value of the security token's shape alone holds the token: read it as the
    /// security token's key, so that it pairs with the password beside it.
    ///
    /// Likewise a generic token's key (`token_value`, `token`) holding a refresh or access token
    /// whose prefix is right and whose length is a few characters off holds that token: the
    /// prefix says which, and the token's own rule missed it for its length.
    fn token_alone(&self, role: usize, value: &[u8]) -> usize {
        if self.checks[role] == Some(Check::SecurityToken) {
            for c in [Check::RefreshToken, Check::AccessToken] {
                if plausible::judge(c, value) == Verdict::Misshapen {
                    if let Some(r) = self.checks.iter().position(|x| *x == Some(c)) {
                        return r;
                    }
                }
            }
        }
        if self.checks[role] != Some(Check::PasswordWithToken)
            || plausible::judge(Check::PasswordWithToken, value) != Verdict::No
        {
            return role;
        }
        match self.checks.iter().position(|c| *c == Some(Check::SecurityToken)) {
            Some(t) if plausible::judge(Check::SecurityToken, value) == Verdict::Yes => t,
            _ => role,
        }
    }

    /// A table's column named only `secret` holds whatever secret each row's system logs in with
    /// (a MySQL dump's `integration_credentials`): in a row where it has a password's shape (or
    /// a password's with its token after it) and not a consumer secret's, it is the password.
    fn table_secret(&self, role: usize, p: &Pair, value: &[u8]) -> usize {
        if !self.secret_column(p)
            || self.checks[role] != Some(Check::ConsumerSecret)
            || plausible::judge(Check::ConsumerSecret, value) != Verdict::No
            || !matches!(plausible::judge(Check::Password, value), Verdict::Yes | Verdict::WithToken)
        {
            return role;
        }
        self.password.unwrap_or(role)
    }

    /// A table's column, or a name-value record's field, named only `secret` besides words that
    /// say nothing of whose it is (`secret`, `Integration_Secret__c` in custom metadata): see
    /// `table_secret`.
    fn secret_column(&self, p: &Pair) -> bool {
        matches!(p.form, Form::Table | Form::NameValue)
            && self.vocab.content_words(p.key.trim_matches(['`', '"', '\''])) == ["secret"]
    }

    /// The role a key's value has by its shape where the key alone says another: a generic
    /// token key holding a misshapen prefixed token, a `secret` column holding a password, a
    /// password's key holding a connected app's secret.
    fn shaped_role(&self, buf: &[u8], role: usize, p: &Pair, value: &[u8]) -> usize {
        self.app_secret(buf, self.table_secret(self.token_alone(role, value), p, value), p, value)
    }

    /// A password's key holding a consumer secret's exact shape (64 upper-case hex digits, or a
    /// legacy secret's 15 to 19 digits) with a consumer key (`3MVG9…`) within 12 lines, or on a
    /// line that says it is a connected app's, holds that app's secret: a password manager's
    /// entry for a connected app keeps the secret as its password and the key in its notes.
    fn app_secret(&self, buf: &[u8], role: usize, p: &Pair, value: &[u8]) -> usize {
        let digits = (15..=19).contains(&value.len()) && value.iter().all(u8::is_ascii_digit);
        if !(plausible::secret_hex(value) || digits) || Some(role) != self.password {
            return role;
        }
        let line =
            buf[keyvalue::line_start(buf, p.value.start)..keyvalue::line_end(buf, p.value.end)].to_ascii_lowercase();
        let said = ["connected app", "consumer secret", "client secret"]
            .iter()
            .any(|w| memchr::memmem::find(&line, w.as_bytes()).is_some());
        let (mut s, mut e) = (p.value.start, p.value.end);
        for _ in 0..12 {
            s = keyvalue::line_start(buf, s.saturating_sub(1));
            e = (keyvalue::line_end(buf, e) + 1).min(buf.len());
        }
        match self.checks.iter().position(|c| *c == Some(Check::ConsumerSecret)) {
            Some(r) if said || memchr::memmem::find(&buf[s..e], b"3MVG9").is_some() => r,
            _ => role,
        }
    }

    /// Whether `v` passes the value check of the role `rule` reports (a pair's rule: its first
    /// role's, as a password with a token beside it is a password): what every candidate of that
    /// role is judged by, for values found otherwise (the line model's).
    pub(crate) fn fits(&self, rule: usize, v: &[u8]) -> bool {
        let role = self
            .pairs
            .iter()
            .find(|p| p.0 == rule)
            .map(|p| p.1)
            .or_else(|| (0..self.role_rule.len()).find(|&r| self.role_rule[r] == Some(rule) && !self.support[r]));
        match role.and_then(|r| self.checks[r]) {
            Some(c) => plausible::judge(c, v) != Verdict::No,
            None => true,
        }
    }

    /// Builds the layer from the book's vocabulary and the rules of `kind = "context"` (their
    /// indices in `rule_ids`).
    pub(crate) fn new(book: &RuleBook) -> anyhow::Result<Option<Layer>> {
        let vocab = book.vocabulary.clone();
        if vocab.roles.is_empty() {
            return Ok(None);
        }
        let index = |id: &str| book.rules.iter().position(|r| r.id == id);
        let role_of = |id: &str| vocab.role(id);
        let mut checks = Vec::new();
        for r in &vocab.roles {
            let c = Check::parse(&r.value).ok_or_else(|| {
                anyhow::anyhow!(
                    "role `{}`: unknown value check `{}` (known: {})",
                    r.id,
                    r.value,
                    Check::NAMES.join(", ")
                )
            })?;
            checks.push(Some(c));
        }
        let mut role_rule: Vec<Option<usize>> = vec![None; vocab.roles.len()];
        for (ri, r) in book.rules.iter().enumerate() {
            if let Some(role) = &r.role {
                let i = role_of(role).ok_or_else(|| anyhow::anyhow!("rule `{}`: unknown role `{role}`", r.id))?;
                role_rule[i] = Some(ri);
            }
        }
        let mut support = vec![false; vocab.roles.len()];
        let mut pairs = Vec::new();
        for p in &book.pairs {
            let rule = index(&p.rule).ok_or_else(|| anyhow::anyhow!("pair: unknown rule `{}`", p.rule))?;
            let a = role_of(&p.roles[0]).ok_or_else(|| anyhow::anyhow!("pair: unknown role `{}`", p.roles[0]))?;
            let b = role_of(&p.roles[1]).ok_or_else(|| anyhow::anyhow!("pair: unknown role `{}`", p.roles[1]))?;
            for r in [a, b] {
                if role_rule[r].is_none() {
                    role_rule[r] = Some(rule);
                    support[r] = true;
                }
            }
            pairs.push((rule, a, b));
        }
        let username = role_of("username");
        if let Some(u) = username {
            if role_rule[u].is_none() {
                role_rule[u] = pairs.first().map(|p| p.0);
                support[u] = true;
            }
        }
        // A login call is only looked at where an anchor ends its name (see `[[login_call]]` in
        // rules/context.toml for why not every call can have an anchor of its own).
        let anchors: Vec<String> = book
            .rules
            .iter()
            .filter(|r| r.role.is_some())
            .flat_map(|r| r.anchors.iter().filter(|a| a.ends_with('(')).map(|a| a.to_lowercase()))
            .collect();
        for c in &book.login_calls {
            let call = c.call.to_lowercase();
            // (Or take a consumer key, whose `3MVG9` anchor finds the call around it.)
            let keyed = c.args.iter().any(|a| a == "consumer key");
            if !call.ends_with('(') || !(keyed || anchors.iter().any(|a| call.ends_with(a.as_str()))) {
                anyhow::bail!(
                    "login_call `{}`: must end in `(`, and in an anchor of a context rule unless it takes a consumer key",
                    c.call
                );
            }
        }
        let mut login_calls = book.login_calls.clone();
        login_calls.sort_by_key(|c| std::cmp::Reverse(c.call.len()));
        Ok(Some(Layer {
            login_calls,
            system_re: system_values_regex(&vocab.lists.system_keys)?,
            scope: Scope::new(&vocab.context),
            password: role_of("password"),
            checks,
            role_rule,
            support,
            pairs,
            vocab,
        }))
    }

    /// The candidates an anchor hit at `at..at + len` yields: (rule, value span, normalised value,
    /// note).
    pub(crate) fn candidates(&self, buf: &[u8], at: usize, len: usize, path: Option<&Path>) -> Vec<Candidate> {
        let file = path;
        let pairs: Vec<Pair> = if buf[at..at + len].ends_with(b"(") {
            // (`smtp.login('alerts@acme.com', 'v')`: the receiver names another system.)
            let recv =
                buf[keyvalue::line_start(buf, at)..at].rsplit(|b| !(b.is_ascii_alphanumeric() || *b == b'_')).nth(1);
            let other = recv.and_then(|r| self.vocab.vendor_of(&self.vocab.words(&String::from_utf8_lossy(r))));
            if other.is_some_and(|v| v != SALESFORCE) {
                return Vec::new();
            }
            self.login_call(buf, at + len)
        } else if let Some(paren) = buf[at..].starts_with(b"3MVG9").then(|| self.call_around(buf, at)).flatten() {
            // A consumer key among a login call's arguments (`force.Create("v59.0", "3MVG9…", …)`):
            // the call's credentials by position.
            self.login_call(buf, paren)
        } else if buf[at..].starts_with(b"3MVG9") {
            // A consumer key says what it is: its key only names it (`client_id`, `default`).
            let mut p = keyvalue::pair_before(buf, at).unwrap_or_else(|| consumer_key_pair(buf, at));
            match self.vocab.read(&p.key, true) {
                Some(r) if self.vocab.roles[r.role].id == "consumer-key" => {}
                // `"body_text": "3MVG9…"`: the key is no consumer key's, the value is.
                None => p.key = "consumer key".to_string(),
                Some(_) => p.key = format!("{} consumer key", p.key),
            }
            let secret = secret_below(buf, p.value.end);
            std::iter::once(p).chain(secret).collect()
        } else if &buf[at..at + len] == LOGIN_SLASH {
            // `etl.user@acme.com / v`: a login handed over as user, slash, password.
            slashed_login(buf, at).into_iter().collect()
        } else if masked_assignment(buf, at + len) {
            return Vec::new();
        } else {
            let mut pairs = keyvalue::extract(buf, at, len);
            // The long tail of layouts: a key whose value no syntax read (none, or blank: `"k" " "`)
            // may still have a literal beside it (see `keyvalue::recovered`).
            match pairs.iter().position(|p| buf[p.value.clone()].trim_ascii().is_empty()) {
                Some(i) => {
                    if let Some(r) = keyvalue::recovered(buf, at, len) {
                        pairs[i] = r;
                    }
                }
                None if pairs.is_empty() => pairs.extend(keyvalue::recovered(buf, at, len)),
                None => {}
            }
            // `pw` is too short to search for everywhere; beside a security token it is the
            // password's key (`user … pw \`v\` token \`t\``, `SF_PW='v'` above `SF_SEC_TOKEN='t'`).
            // Only for a token's value that could be one: an auth log's `token=<redacted>` on every
            // line must not cost a look around each.
            let token = |p: &Pair| {
                p.value.len() >= 20
                    && !plausible::not_a_value(&buf[p.value.clone()], p.quoted, false)
                    && self.vocab.read(&p.key, true).is_some_and(|r| self.vocab.roles[r.role].id == "security-token")
            };
            if pairs.iter().any(token) {
                pairs.extend(short_password_keys(buf, at));
                pairs.extend(keyless_passwords(buf, at));
                pairs.extend(stacked_login(buf, at));
            }
            // `the UAT user got a new token:` and the login below it (`UAT: user@acme.com / v`):
            // the key's word, a colon and the line's end (looked at without reading the line: an
            // auth log has an anchor on every line).
            let mut e = at + len;
            while e < buf.len() && e < at + len + 16 && (buf[e].is_ascii_alphanumeric() || buf[e] == b'_') {
                e += 1;
            }
            if buf.get(e) == Some(&b':') {
                let nl = e + 1 + buf[e + 1..].iter().take(8).take_while(|b| matches!(b, b' ' | b'\t' | b'\r')).count();
                if buf.get(nl) == Some(&b'\n') {
                    pairs.extend(keyless_passwords(buf, nl + 1));
                }
            }
            // Likewise `SEC_KEY` beside the value of a password whose key names Salesforce
            // (`SFDC_PWD`; an auth log's `password=` on every line costs no look around).
            let password = |p: &Pair| {
                p.value.len() >= 6
                    && self
                        .vocab
                        .read(&p.key, false)
                        .is_some_and(|r| Some(r.role) == self.password && r.vendor.as_deref() == Some(SALESFORCE))
                    && !plausible::not_a_value(&buf[p.value.clone()], p.quoted, false)
            };
            if pairs.iter().any(password) {
                pairs.extend(sec_keys(buf, at));
            }
            pairs
        };
        if pairs.is_empty() {
            return Vec::new();
        }
        let code = is_code(path);
        let records = path
            .and_then(|f| f.extension())
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"));
        let mut out = Vec::new();
        for mut p in pairs {
            // A literal that a template completes (`"SOlU0F$Ps0sp{{ lookup('env', 'TOKEN') }}"`:
            // a password with its token filled in at run time) is the literal.
            if p.joined.is_none() {
                if let Some(i) = template_start(&buf[p.value.clone()]) {
                    p.value.end = p.value.start + i;
                }
            }
            // Cheap rejections first (masks, references, empty values): a keyword-dense log has
            // an anchor on every line and a value on none.
            let mut raw = buf[p.value.clone()].to_vec();
            if let Some(j) = &p.joined {
                raw.extend_from_slice(&buf[j.clone()]);
            }
            // A value that is base64 of printable text (a Kubernetes Secret's data) is judged by
            // what it decodes to.
            let decoded = super::decode::decode_value_base64(&raw);
            let base64 = decoded.is_some();
            let mut value = decoded.unwrap_or_else(|| normalize(&raw));
            // `"\"v\""` (a string literal written into another: Gradle's buildConfigField).
            if value.len() > 2 && value[0] == value[value.len() - 1] && matches!(value[0], b'"' | b'\'') {
                value = value[1..value.len() - 1].to_vec();
            }
            // A call's unquoted argument is an expression in any file (`sf_set_password(user_id, …)`).
            // (A key inside a string literal is text, whatever the file: a command line's
            // `--sf-pass=v` in a process manager's `args: '…'`.)
            let code = (code && !matches!(p.form, Form::Table | Form::Prose) && !in_string(buf, p.key_start))
                || p.form == Form::Call;
            if plausible::not_a_value(&value, p.quoted || base64, code) || self.vocab.another_vendors_token(&value) {
                continue;
            }
            // A value that is itself a credential's key name is a field list or a column, not a
            // value (`("username", "password", "security_token")`, a changelog's `` `security_token` ``).
            if value.len() <= 64
                && value.iter().all(|&b| b.is_ascii_alphabetic() || matches!(b, b'_' | b'-' | b'.'))
                && self.vocab.read(&String::from_utf8_lossy(&value), false).is_some()
            {
                continue;
            }
            // Before the costlier reading of parent keys and context: a key that names no role
            // even in a Salesforce block (`token_type`, `password_policy`), or a value its role
            // could never have, ends here.
            let Some((_, early)) = self.read_key(buf, &p, true) else { continue };
            let early_role = self.shaped_role(buf, early.role, &p, &value);
            if self.checks[early_role].is_some_and(|c| plausible::judge(c, &value) == Verdict::No)
                && self.vocab.read(&p.key, false).is_none_or(|r| r.role == early.role || r.role == early_role)
            {
                continue;
            }
            // The vendor of the nearest parent key that names one.
            let path = keyvalue::path(buf, &p);
            // (Read without the random tokens a parent's text may carry: the siblings before a
            // key on a line that no syntax split, `"client_secret"=>"EB7AD8…", "password"=>`,
            // where `ad` in a random hex value named Active Directory.)
            let path_words: Vec<Vec<String>> = path.iter().map(|s| self.vocab.words(&masked_tokens(s))).collect();
            let path_vendor = path_words.iter().rev().find_map(|w| self.vocab.parent_vendor_of(w));
            // A column named only `secret` (see `table_secret`) or `token` is Salesforce's in a
            // row that names Salesforce (a custom metadata export's `Token__c` beside its
            // `Login_Host__c`).
            let sf_row = p.form == Form::Table
                && (self.secret_column(&p)
                    || self.vocab.content_words(p.key.trim_matches(['`', '"', '\''])) == ["token"])
                && path_vendor.is_none()
                && self.row_vendor(buf, &p).is_some_and(|(v, _)| v == SALESFORCE);
            let (key, reading, generic) = match self.read_key(buf, &p, path_vendor == Some(SALESFORCE) || sf_row) {
                Some((k, r)) => (k, r, false),
                // `token` alone: read as Salesforce's, kept only if it pairs with a password.
                None => match self.read_key(buf, &p, true) {
                    Some((k, r)) if self.vocab.roles[r.role].id == "security-token" => (k, r, true),
                    // `secret` alone holding a consumer secret's exact shape (64 upper-case hex
                    // digits, as Salesforce generates them, or a legacy secret's 19 digits):
                    // `das Secret ist 7387EBC6…` in a chat, `"crm_secret": "1714…"`.
                    Some((k, r))
                        if self.vocab.roles[r.role].id == "consumer-secret" && plausible::exact_secret(&value) =>
                    {
                        (k, r, false)
                    }
                    // A record's field named only `secret` (`Integration_Secret__c`): whatever it
                    // holds, kept only if it pairs (see `table_secret`).
                    Some((k, r)) if self.vocab.roles[r.role].id == "consumer-secret" && self.secret_column(&p) => {
                        (k, r, true)
                    }
                    _ => continue,
                },
            };
            let role = self.shaped_role(buf, reading.role, &p, &value);
            // A bare `token` holding a prefixed token says what it is by itself.
            let generic = generic
                && (self.checks[role] == self.checks[reading.role] || self.secret_column(&p))
                && !(p.form == Form::Prose && token_reset(buf, &p));
            let (Some(rule), Some(check)) = (self.role_rule[role], self.checks[role]) else { continue };
            let mut verdict = plausible::judge(check, &value);
            if verdict == Verdict::No {
                continue;
            }
            // A legacy numeric secret of 15–18 digits under a key that names Salesforce's
            // secret (`SF_SECRET=16942551305418137`) is one without its consumer key beside it.
            if verdict == Verdict::OnlyPaired && reading.vendor.as_deref() == Some(SALESFORCE) {
                verdict = Verdict::Yes;
            }
            // A bare word right after a password's key in text (`password expired`) is no value;
            // a secret or token of its exact shape is (`client secret DCCD2608…`).
            // (One of a password's shape, letters with digits, is one only beside its token:
            // `pwd svc-User-2024 with sec token t`.)
            if p.form == Form::Prose
                && !p.quoted
                && matches!(check, Check::Password)
                && verdict == Verdict::Yes
                && !introduced(buf, &p)
            {
                let shaped = value.len() >= 8
                    && value.iter().any(u8::is_ascii_digit)
                    && value.iter().any(u8::is_ascii_alphabetic);
                if !shaped {
                    continue;
                }
                verdict = Verdict::OnlyPaired;
            }
            // `the password field is case-sensitive`: a sentence about the credential's field
            // (policy, hint, length), not its value.
            if self.someone_elses_pass(buf, &p, file) {
                continue;
            }
            if p.form == Form::Prose && self.about_the_credential(buf, &p) {
                continue;
            }
            // `MID user password (SN side, not Salesforce): v`: the text says whose it is not.
            if p.form == Form::Prose && p.key_start < p.value.start && disowned(&buf[p.key_start..p.value.start]) {
                continue;
            }
            // `Twitter API ⇥ consumer key v ⇥ consumer secret v`: text in a cell of a table's row
            // (a document's table, as its text reads) is the system's its first cell names.
            if p.form == Form::Prose && self.first_cell_vendor(buf, p.key_start).is_some_and(|v| v != SALESFORCE) {
                continue;
            }
            // The vendor: the key's own, else its nearest parent's, else what its block says
            // (`type: snowflake` beside it, the host of its connection).
            // (A consumer key says what it is by its prefix, in SQL too.)
            if p.form != Form::Table && !value.starts_with(b"3MVG9") && in_sql(buf, &p) {
                continue;
            }
            // The blocks around the pair, read once: for its vendor and for the records it pairs in.
            let around = if matches!(p.form, Form::Prose | Form::Table) { Vec::new() } else { blocks(buf, &p) };
            let block = self.block_vendor(buf, &p, &around, self.vocab.roles[role].id == "consumer-secret");
            // (A consumer key is Salesforce's by its prefix, whatever its block names: a password
            // manager's entry for a Talend job's connected app.)
            let vendor = reading
                .vendor
                .clone()
                .or_else(|| value.starts_with(b"3MVG9").then(|| SALESFORCE.to_string()))
                .or_else(|| path_vendor.map(str::to_string))
                .or_else(|| block.as_ref().map(|b| b.0.clone()))
                .or_else(|| self.heading_vendor(buf, &p, file));
            let why = match vendor.as_deref() {
                Some(SALESFORCE) => Some(match (&reading.vendor, path_vendor, &block) {
                    (Some(_), _, _) => Why::Key(key.clone()),
                    (None, Some(_), _) => Why::Key(path.join(" > ")),
                    (None, None, Some(b)) => Why::Said(b.1.clone()),
                    _ => Why::Key(key.clone()),
                }),
                Some(_) => continue,
                // A key that names an unknown system (`OPERA_PMS_PASSWORD`) is not Salesforce's
                // because Salesforce is mentioned around it.
                None if reading.unknown => continue,
                None => self.scope.near(buf, p.value.clone()).map(|h| {
                    let (a, b) =
                        if h.offset < p.value.start { (h.offset, p.value.start) } else { (p.value.start, h.offset) };
                    let lines = memchr::memchr_iter(b'\n', &buf[a..b]).count() as i64;
                    let delta = if h.offset < p.value.start { -lines } else { lines };
                    Why::Near(h, delta)
                }),
            };
            let block = (!path.is_empty()).then(|| path.join("\u{1f}"));
            let span = match &p.joined {
                Some(j) => p.value.start..j.end,
                None => p.value.clone(),
            };
            let why = why.or_else(|| table_header(self, buf, &p, role).map(Why::Said));
            // A consumer key names its vendor by its prefix.
            let why = why.or_else(|| buf[p.value.clone()].starts_with(b"3MVG9").then(|| Why::Key(key.clone())));
            // A one-line log event (JSON lines) is a record of its own: a pair's halves are in
            // one event, never one here and one in the next.
            let event = around
                .iter()
                .rev()
                .find(|b| memchr::memchr(b'\n', &buf[(*b).clone()]).is_none() && log_event(&buf[(*b).clone()]))
                .map(|b| b.start);
            // A table's record whose quoted fields span lines (a LastPass export's notes): the
            // lines of its record.
            let record =
                p.row.filter(|&r| p.form == Form::Table && !matches!(buf.get(r), Some(b'<' | b'('))).map(|r| {
                    let delim = keyvalue::delimiter(&buf[r..keyvalue::line_end(buf, r)]);
                    (span.start.saturating_sub(r), keyvalue::record_end(buf, r, delim).saturating_sub(span.start))
                });
            let enclosing = record
                .into_iter()
                .chain(
                    around
                        .into_iter()
                        .filter(|b| {
                            b.start <= span.start
                                && matches!(buf.get(b.start), Some(b'{' | b'[' | b'<'))
                                && memchr::memchr_iter(b'\n', &buf[b.clone()]).count() <= 40
                        })
                        .map(|b| (span.start - b.start, b.end.saturating_sub(span.start))),
                )
                .collect();
            let tokenless = Some(role) == self.password
                && tokenless(&buf[keyvalue::line_start(buf, span.start)..keyvalue::line_end(buf, span.end)]);
            out.push(Candidate {
                rule,
                span,
                value,
                base64,
                pending: Pending {
                    generic,
                    role,
                    key,
                    path: path.join(" > "),
                    why,
                    form: p.form,
                    block,
                    row: p.row.or(event),
                    verdict,
                    records,
                    enclosing,
                    tokenless,
                    login: (self.checks[role] == Some(Check::SecurityToken)).then(|| token_login(buf, &p)).flatten(),
                },
            });
        }
        out
    }

    /// The credentials a client library's login call takes by position (`[[login_call]]`):
    /// `conn.login('ops@acme.com', 'v' + 't')`, `auth.UsernamePasswordAsync(key, secret, user,
    /// pw)`. `paren` is just past the call's `(`.
    fn login_call(&self, buf: &[u8], paren: usize) -> Vec<Pair> {
        let before = &buf[paren.saturating_sub(64)..paren];
        let ends =
            |c: &str| before.len() >= c.len() && before[before.len() - c.len()..].eq_ignore_ascii_case(c.as_bytes());
        let Some(spec) = self.login_calls.iter().find(|c| ends(&c.call)) else { return Vec::new() };
        let args = keyvalue::call_args(buf, paren);
        let mut out = Vec::new();
        for (i, role) in spec.args.iter().enumerate() {
            if role.is_empty() {
                continue;
            }
            if let Some(Some((value, joined))) = args.get(i) {
                out.push(Pair {
                    key: format!("login {role}"),
                    value: value.clone(),
                    joined: joined.clone(),
                    quoted: true,
                    form: Form::Call,
                    parents: keyvalue::Parents::None,
                    key_start: paren,
                    row: Some(paren),
                });
            }
        }
        out
    }

    /// The position just past the `(` of a login call that takes a consumer key, when the
    /// consumer key at `at` is one of its arguments (the call opened at most 400 bytes before).
    fn call_around(&self, buf: &[u8], at: usize) -> Option<usize> {
        let from = at.saturating_sub(400);
        let before = &buf[from..at];
        self.login_calls.iter().filter(|c| c.args.iter().any(|a| a == "consumer key")).find_map(|c| {
            let i = memchr::memmem::rfind(before, c.call.as_bytes())?;
            let paren = from + i + c.call.len();
            let args = keyvalue::call_args(buf, paren);
            let key = c.args.iter().position(|a| a == "consumer key")?;
            let value = args.get(key)?.as_ref()?;
            (value.0.start == at).then_some(paren)
        })
    }

    /// A key in text followed by a word naming something about it and a copula: `password field
    /// is`, `token policy was`.
    fn about_the_credential(&self, buf: &[u8], p: &Pair) -> bool {
        let words = |from: usize| {
            let s = from + buf[from..].iter().take(4).take_while(|b| **b == b' ').count();
            let e = s + buf[s..].iter().take(20).take_while(|b| b.is_ascii_alphabetic()).count();
            (s, e)
        };
        let (s1, e1) = words((p.key_start + p.key.len()).min(buf.len()));
        let (s2, e2) = words(e1);
        let copula = |s: usize, e: usize| keyvalue::COPULAS.iter().any(|c| buf[s..e].eq_ignore_ascii_case(c));
        e1 > s1
            && e2 > s2
            && !copula(s1, e1)
            && copula(s2, e2)
            && self.vocab.not_credential(&String::from_utf8_lossy(&buf[s1..e1]).to_lowercase())
    }

    /// The key's reading; for a one-word key in text (`Token`), the words before it on its line
    /// are tried first (`Security Token`, `sec token`).
    fn read_key(&self, buf: &[u8], p: &Pair, sf_path: bool) -> Option<(String, super::vocabulary::Reading)> {
        let key = sql_alias_dropped(buf, p);
        if !matches!(p.form, Form::NameValue | Form::Table) && p.key_start > 0 {
            // (The line's last 512 bytes before the key: every key of a long line is read, and
            // reading all of the line for each was quadratic in it.)
            let ls = keyvalue::line_start(buf, p.key_start).max(p.key_start.saturating_sub(BEFORE_KEY));
            // In a string of text, the key's own line starts after an escaped line break.
            let ls = LINE_BREAKS
                .iter()
                .filter_map(|sep| memchr::memmem::rfind(&buf[ls..p.key_start], sep).map(|i| ls + i + sep.len()))
                .max()
                .unwrap_or(ls);
            let before = String::from_utf8_lossy(&buf[ls..p.key_start]);
            if before.ends_with(' ') || before.ends_with('_') {
                let words: Vec<&str> =
                    before.split([' ', '"', '\'', '\t', '(', ',']).filter(|w| !w.is_empty()).collect();
                for n in [2usize, 1] {
                    if words.len() >= n
                        && words[words.len() - n..].iter().all(|w| {
                            // (`Wi-Fi`: a hyphen inside a word.)
                            w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
                                && w.starts_with(|c: char| c.is_ascii_alphabetic())
                                && w.ends_with(|c: char| c.is_ascii_alphabetic())
                                && !self.vocab.lists.declarations.contains(&w.to_ascii_lowercase())
                        })
                    {
                        let k = format!("{} {}", words[words.len() - n..].join(" "), key);
                        if let Some(r) = self.vocab.read(&k, sf_path) {
                            // Only when the words change the reading (`Security Token`, not `my
                            // password`), or name a system the vocabulary does not know (`the
                            // Guidewire ClaimCenter API password`: capitalised, a product's name).
                            let named = r.unknown
                                && words[words.len() - n..]
                                    .iter()
                                    .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
                            // (Or name a vendor: `wifi password`, `the Snowflake password is`.)
                            if named
                                || r.vendor.is_some()
                                || self.vocab.read(&key, sf_path).is_none_or(|alone| alone.role != r.role)
                            {
                                return Some((k, r));
                            }
                        }
                    }
                }
            }
            // `Raj reset the security token … New token:`: a sentence that named the security
            // token before calls it `token`.
            let lower = before.to_ascii_lowercase();
            let token = key.to_ascii_lowercase();
            let token = token.strip_prefix("new ").unwrap_or(&token);
            if p.form == Form::Prose && token == "token" && lower.contains("security token") {
                let k = "security token".to_string();
                return self.vocab.read(&k, sf_path).map(|r| (k, r));
            }
        }
        self.vocab.read(&key, sf_path).map(|r| (key.clone(), r))
    }

    /// A key that spells `pass` but names something else's: a review's numbered pass (`pass1:`,
    /// `proposed-pass2:`), a decorator in code (`@pass_config(…)`), or a short key written after a
    /// word the vocabulary does not know (`the reproducibility pass: NOT-REPRO`, `boarding pass`).
    fn someone_elses_pass(&self, buf: &[u8], p: &Pair, file: Option<&Path>) -> bool {
        let k = p.key.to_ascii_lowercase();
        let stem = k.trim_end_matches(|c: char| c.is_ascii_digit());
        if stem.len() < k.len()
            && stem.strip_suffix("pass").is_some_and(|h| h.is_empty() || h.ends_with(['-', '_', '.', ' ']))
        {
            return true;
        }
        if p.key_start == 0 {
            return false;
        }
        if is_code(file) && buf[p.key_start - 1] == b'@' {
            return true;
        }
        if matches!(p.form, Form::Table | Form::Flag) || p.key.len() > 4 {
            return false;
        }
        let before = &buf[keyvalue::line_start(buf, p.key_start)..p.key_start];
        let head = before.trim_ascii_end();
        if !before.ends_with(b" ") {
            return false;
        }
        let n = head.iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
        let word = String::from_utf8_lossy(&head[head.len() - n..]);
        n > 2 && self.vocab.read(&format!("{word} {}", p.key), false).is_some_and(|r| r.unknown)
    }

    /// Whether a role is only a partner, never reported alone.
    pub(crate) fn is_support(&self, role: usize) -> bool {
        self.support[role]
    }
}

/// How far before a key its line is read for the words that qualify it (`Security Token`).
const BEFORE_KEY: usize = 512;

/// Line breaks inside one line of text: escaped in a string (`\\n`, `\\r`, XML's `&#10;`,
/// KNIME's `%%00010`) or written as markup (`<br>`, `<p>`). A key's own line, for its reading and
/// for the SQL statement it may be in, starts and ends at them.
const LINE_BREAKS: &[&[u8]] = &[b"\\n", b"\\r", b"%%00010", b"&#10;", b"&#xA;", b"<br>", b"<br/>", b"<p>", b"<div>"];

/// Whether a line says its login needs no security token (`no token needed`, `without a token`,
/// `IP-restricted profile so no token`).
fn tokenless(line: &[u8]) -> bool {
    let t = line.to_ascii_lowercase();
    [
        "no token",
        "no security token",
        "no sec token",
        "without token",
        "without a token",
        "without security token",
        "token not needed",
        "token isn't needed",
        "token is not needed",
        "kein token",
        "ohne token",
        "sans jeton",
    ]
    .iter()
    .any(|p| memchr::memmem::find(&t, p.as_bytes()).is_some())
}

/// The login a token's key names, when that login's password key is within three lines of it
/// (see `Pending::login`): the key's text before its token words (`SF_INTEGRATION_` of
/// `SF_INTEGRATION_SECURITY_TOKEN`), lower-case, if `…PASSWORD`, `…PASS` or `…PWD` follows it
/// there as another key.
fn token_login(buf: &[u8], p: &Pair) -> Option<String> {
    let key = p.key.to_ascii_lowercase();
    let at = ["security_token", "securitytoken", "sec_token", "token"].iter().find_map(|t| key.rfind(t))?;
    let stem = &key[..at];
    // (A stem of its vendor alone, `sf_`, names no login of its own.)
    if stem.len() < 3 || stem.trim_end_matches(['_', '.', '-']).len() <= 4 {
        return None;
    }
    let (mut s, mut e) = (p.key_start, p.key_start);
    for _ in 0..3 {
        s = keyvalue::line_start(buf, s.saturating_sub(1));
        e = (keyvalue::line_end(buf, e) + 1).min(buf.len());
    }
    let text = buf[s..e].to_ascii_lowercase();
    ["password", "pass", "pwd"]
        .iter()
        .any(|w| memchr::memmem::find(&text, format!("{stem}{w}").as_bytes()).is_some())
        .then(|| stem.to_string())
}

/// Where a template expression starts in a value, after a literal of at least 8 bytes of its own
/// (`{{ … }}`, `${…}`, `#{…}`, `%(…)s`, `<%= … %>`); never at its start.
fn template_start(v: &[u8]) -> Option<usize> {
    const OPENERS: &[&[u8]] = &[b"{{", b"${", b"#{", b"%(", b"<%="];
    // (Most values have none of their first bytes: one pass decides, before any searcher is built.)
    memchr::memchr3(b'{', b'(', b'<', v)?;
    let i = OPENERS.iter().filter_map(|o| memchr::memmem::find(v, o)).min()?;
    (i >= 8 && !v[..i].iter().any(|b| b.is_ascii_whitespace())).then_some(i)
}

/// Whether the text before a bare `token`'s value says the token was reset or regenerated (`its
/// token was regenerated yesterday: v`, `I reset MY token …, new one is v`): what a user does
/// to a Salesforce security token, as its own page says (Reset My Security Token).
fn token_reset(buf: &[u8], p: &Pair) -> bool {
    let ls = keyvalue::line_start(buf, p.key_start);
    let text = buf[ls..p.value.start.max(ls)].to_ascii_lowercase();
    [&b"reset"[..], b"regenerat"].iter().any(|w| memchr::memmem::find(&text, w).is_some())
}

/// A candidate at an anchor hit.
pub(crate) struct Candidate {
    pub rule: usize,
    pub span: Range<usize>,
    pub value: Vec<u8>,
    /// The value as written was base64 of the credential (a Kubernetes Secret).
    pub base64: bool,
    pub pending: Pending,
}

/// The value a user would paste: escapes undone, percent-encoding undone twice (a URL inside a
/// URL's parameter).
fn normalize(raw: &[u8]) -> Vec<u8> {
    let once = super::unescape::normalize(raw).into_owned();
    if once.windows(3).any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit()) {
        super::unescape::normalize(&once).into_owned()
    } else {
        once
    }
}

/// Whether a prose value was introduced (`password: v`, `password is v`) rather than following
/// its key directly; or set apart as a listing's column (`Password     v`, as `sf org display
/// user` prints it: a tab or two blanks or more, the value ending its line).
fn introduced(buf: &[u8], p: &Pair) -> bool {
    let between = &buf[(p.key_start + p.key.len()).min(p.value.start)..p.value.start];
    let column = (between.len() >= 2 || between == b"\t")
        && between.iter().all(|&b| b == b' ' || b == b'\t')
        && buf[p.value.end..keyvalue::line_end(buf, p.value.end)].trim_ascii().is_empty();
    column
        || between.iter().any(|&b| matches!(b, b':' | b'=' | b'-'))
        || between.split(|b| b.is_ascii_whitespace()).any(|w| w == b"to" || keyvalue::COPULAS.contains(&w))
        // (`Password's v`: the copula contracted.)
        || between.starts_with(b"'s ")
        || between.starts_with("\u{2019}s ".as_bytes())
}

/// Salesforce context of a whole unit: its path, else the strongest pattern in `head` (the whole
/// buffer, or a stream's first block), with its 1-based line.
pub(crate) fn file_context(layer: &Layer, path: &str, head: &[u8]) -> Option<(Hit, Option<u64>)> {
    if let Some(h) = layer.scope.in_path(path) {
        return Some((h, None));
    }
    let h = layer.scope.first(head, 0..head.len())?;
    let line = memchr::memchr_iter(b'\n', &head[..h.offset]).count() as u64 + 1;
    Some((h, Some(line)))
}

/// Whether `at` is inside a string literal on its line: an odd number of one kind of quote
/// (unescaped) before it.
fn in_string(buf: &[u8], at: usize) -> bool {
    let line = &buf[keyvalue::line_start(buf, at)..at];
    [b'\'', b'"', b'`'].iter().any(|&q| {
        let mut n = 0;
        for (i, &b) in line.iter().enumerate() {
            if b == q && (i == 0 || line[i - 1] != b'\\') {
                n += 1;
            }
        }
        n % 2 == 1
    })
}

#[cfg(test)]
mod tests {
    use super::{log_event, template_start};

    /// The rule and line of each finding in `text`, read as a file at `path`.
    fn found(path: &str, text: &str) -> Vec<(String, u64)> {
        crate::Engine::builtin()
            .scan_bytes(path, text.as_bytes())
            .iter()
            .map(|f| (f.rule.to_string(), f.line))
            .collect()
    }

    #[test]
    fn a_login_call_needs_an_anchor_or_a_consumer_key() {
        let mut book = crate::detect::rules::RuleBook::builtin();
        book.add_toml("user.toml", "[[login_call]]\ncall = \"connectSalesforce(\"\nargs = [\"\", \"password\"]\n")
            .unwrap();
        let err = super::Layer::new(&book).err().expect("not an anchor").to_string();
        assert!(
            err.contains("login_call `connectSalesforce(`: must end in `(`, and in an anchor of a context rule"),
            "{err}"
        );
        // A call that takes a consumer key is found from its `3MVG9` argument.
        let mut book = crate::detect::rules::RuleBook::builtin();
        book.add_toml(
            "user.toml",
            "[[login_call]]\ncall = \"connectSalesforce(\"\nargs = [\"consumer key\", \"\", \"password\"]\n",
        )
        .unwrap();
        assert!(super::Layer::new(&book).is_ok());
    }

    #[test]
    fn a_password_managers_token_field_pairs_with_its_login() {
        // A custom field named only `token` in the entry of a Salesforce login: its token.
        let entry = |name: &str| {
            format!(
                r#"{{"items": [{{
  "name": "SF UAT",
  "fields": [
    {{
      "name": "{name}",
      "value": "G7UZr1JgMdu4ywIpJklmYIeQW",
      "type": 1
    }}
  ],
  "login": {{
    "uris": [{{"uri": "https://acme--uat.sandbox.my.salesforce.com"}}],
    "username": "int@acme.com.uat",
    "password": "autumn408!Quartz"
  }}
}}]}}
"#
            )
        };
        assert_eq!(found("export.json", &entry("token")), [("salesforce-password-with-token".to_string(), 13)]);
        // A field of another name is no token.
        assert_eq!(found("export.json", &entry("recovery code")), [("salesforce-password".to_string(), 13)]);
    }

    #[test]
    fn a_documents_table_row_is_the_system_its_first_cell_names() {
        // As its text reads: `System ⇥ Login ⇥ Secret`, a row a line, a cell's text in prose.
        let row = |system: &str| {
            format!(
                "<html><body><p>Integration credentials (SFDC org 00D5g000004xyzA)</p>\n<table>\n<tr><td><p>System</p></td><td><p>Login</p></td><td><p>Secret</p></td></tr>\n<tr><td><p>{system}</p></td><td><p>consumer key B4it6A0DnPk15R1wMc3bgzIbZ</p></td>\n<td><p>consumer secret 8kJZY1dZ5edykK0DXZjiNHlZbPRDVJhG5KgrzUcD0AMowa0sHF</p></td></tr>\n</table></body></html>\n"
            )
        };
        assert_eq!(found("Credentials.htm", &row("Twitter API (social listening)")), []);
        assert_eq!(
            found("Credentials.htm", &row("SFDC connected app (social listening)")),
            [("salesforce-consumer-secret".to_string(), 5)]
        );
    }

    #[test]
    fn a_header_may_join_its_columns_names() {
        let t = "Integration\tSalesforce user\tPassword\tToken\tPassword+Token (API)\tNotes\nInformatica IICS\tiics.int@acme-corp.com\tGranite-Harbor-Kestrel-64\tTifFEHDUmILgjby271KWjNPl\t=C3&D3\trotated Q1\n";
        assert_eq!(found("inventory.txt", t), [("salesforce-password-with-token".to_string(), 2)]);
    }

    #[test]
    fn a_contracted_copula_introduces_a_value() {
        let said = |s: &str| {
            format!("Speaker 1  1:38\nCan you log in to Salesforce as the portal integration user? {s} if you don't have it.\n")
        };
        assert_eq!(
            found("war room.txt", &said("Password's rocket104%Boston")),
            [("salesforce-password".to_string(), 2)]
        );
        assert_eq!(
            found("war room.txt", &said("The password\u{2019}s rocket104%Boston")),
            [("salesforce-password".to_string(), 2)]
        );
        assert_eq!(found("war room.txt", &said("Password's expired since2024 anyway")), []);
    }

    #[test]
    fn a_secret_assigned_below_its_consumer_key_is_the_apps() {
        let trace = |name: &str| {
            format!("+ SF_HOST=https://login.salesforce.com\n+ CID=3MVG9TBPERQWGZPFiFFhl45Iv9YznNMk9nWy3DuJyvtCV_PsvmwwAfwQL.8Bm0Prtp4.gqvfIlwuqjwRg5Nzk\n+ {name}=E710C9F83D017C90EC0134DB28EB5C2A0EDC325A21E89894C2EF4599256C3833\n")
        };
        assert_eq!(found("cloud-init-output.log", &trace("CSEC")), [("salesforce-client-credentials".to_string(), 3)]);
        // A name of more than two words is a sentence, not an assignment.
        assert_eq!(found("cloud-init-output.log", &trace("the build hash of this image")), []);
    }

    #[test]
    fn a_database_logins_password_set_in_sql_is_the_databases() {
        let script = |line: &str| format!("# Salesforce sync (simple_salesforce) for the CRM\n{line}\n");
        assert_eq!(found("setup.sh", &script("psql -c \"ALTER ROLE crm_app WITH PASSWORD '1ASFZ&rJhAD'\"")), []);
        assert_eq!(found("setup.sh", &script("sqlplus -s / <<< \"CREATE USER etl IDENTIFIED BY Kx9mQ2vLp7\"")), []);
        // The integration's own password beside it is still found.
        assert_eq!(found("setup.sh", &script("sf_password: '1ASFZ&rJhAD'")), [("salesforce-password".to_string(), 2)]);
    }

    #[test]
    fn templates_and_log_events() {
        // A literal that a template completes is the literal; a template alone is no value.
        assert_eq!(template_start(b"SOlU0F$Ps0sp{{ lookup('env', 'TOKEN') }}"), Some(12));
        assert_eq!(template_start(b"{{ sf_password }}"), None);
        assert_eq!(template_start(b"short{{ x }}"), None);
        assert_eq!(template_start(b"two words {{ x }}"), None);
        // A structured log event, and an object that only has a message.
        assert!(log_event(br#"{"level":30,"hostname":"web-7c9d","msg":"retrying"}"#));
        assert!(!log_event(br#"{"hostname":"db.acme.internal","message":"x"}"#));
    }

    #[test]
    fn a_triage_tables_states_are_no_passwords() {
        // (Real: a project's triage notes, where `scratch org` says Salesforce.)
        let mut t = String::from("| issue | title | proposed-pass1 | rationale |\n|---|---|---|---|\n");
        for (i, s) in ["kept-open", "closed:stale-24mo", "kept-open", "kept-open"].iter().enumerate() {
            t.push_str(&format!(
                "| #{i} | delete the scratch org | {s} | the reproducibility pass: INCONCL:slot-{i} |\n"
            ));
        }
        assert_eq!(found("proposals.md", &t), []);
        let notes = "# cumulusci triage\n-   pass1: `closed:fixed-by-pr-#3361`\n-   pass2: `kept-open`\n-   #2979: current proposed-pass1: `closed:stale-24mo`.\n";
        assert_eq!(found("repro-results.md", notes), []);
        let code = "import cumulusci\n\n@pass_config(load_project_config=False)\ndef version(runtime):\n    pass\n";
        assert_eq!(found("cci.py", code), []);
        // Masks repeat in a column of credentials, and say nothing of the others: the one
        // password written out is found (an export where every other row was masked).
        let mut t = String::from("System\tLogin\tPassword\n");
        for i in 0..6 {
            let (system, password) = if i == 4 { ("Salesforce", "Cedar#5000") } else { ("Jira", "********") };
            t.push_str(&format!("{system}\tuser{i}@acme.com\t{password}\n"));
        }
        assert_eq!(found("tracker.tsv", &t), [("salesforce-password".to_string(), 6)]);
    }

    /// A column is read under its header far down a large export (the reader's bound is
    /// 100,000 rows), and a row's partner is found among its own row's candidates only.
    #[test]
    fn a_column_is_read_far_below_its_header() {
        let mut t = String::from("Salesforce Username,Password,Security Token\n");
        for i in 0..20_000 {
            if i == 17_000 {
                t.push_str("ops@acme.com,Cedar#5000,P53OtV2HN1b4k124Lrs5Qiut\n");
            } else {
                t.push_str(&format!("user{i}@acme.com,,\n"));
            }
        }
        assert_eq!(found("logins.csv", &t), [("salesforce-password-with-token".to_string(), 17_002)]);
    }

    #[test]
    fn salesforce_terms_in_text_say_whose_a_token_is() {
        let body =
            |said: &str| format!("{{\"body\": \"New security token is `IlfQRUQG4s9uQjQvrzvlfSIO`, still {said}.\"}}\n");
        assert_eq!(
            found("issues.json", &body("INVALID_LOGIN on the scratch org")),
            [("salesforce-security-token".to_string(), 1)]
        );
        assert_eq!(found("issues.json", &body("failing on the build server")), []);
    }

    #[test]
    fn custom_metadata_fields_named_secret_and_token_are_a_login() {
        let csv = "\"DeveloperName\",\"Login_Host__c\",\"Integration_User__c\",\"Integration_Secret__c\",\"Token__c\"\n\
                   \"EU\",\"https://acme-eu.my.salesforce.com\",\"svc@acme.org\",\"Neptun2021$\",\"q6rZUjomqibJTJqrRvi6JjH2\"\n\
                   \"Bot\",\"https://test.salesforce.com\",\"\",\"\",\"fBbNKlTRFMjph6Z2WdfpXOYn\"\n\
                   \"Hook\",\"https://hooks.acme.org\",\"\",\"\",\"Hx7pLmQ2vR9sT4wY6zA8bC1d\"\n";
        assert_eq!(
            found("Org_Connection__mdt.csv", csv),
            [("salesforce-password-with-token".to_string(), 2), ("salesforce-security-token".to_string(), 3)]
        );
        let field = |name: &str, v: &str| {
            format!("    <values>\n        <field>{name}</field>\n        <value xsi:type=\"xsd:string\">{v}</value>\n    </values>\n")
        };
        let record = |token_field: &str| {
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CustomMetadata xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n{}{}{}</CustomMetadata>\n",
                field("Integration_Secret__c", "Neptun2021$"),
                field("Login_Host__c", "https://acme-eu.my.salesforce.com"),
                field(token_field, "q6rZUjomqibJTJqrRvi6JjH2"),
            )
        };
        assert_eq!(
            found("Org_Connection.EU.md-meta.xml", &record("Token__c")),
            [("salesforce-password-with-token".to_string(), 5)]
        );
        // Neither field is kept alone: a `secret` and a `token` of no one's say nothing by themselves.
        assert_eq!(found("Org_Connection.EU.md-meta.xml", &record("Region__c")), []);
    }

    #[test]
    fn work_notes_newest_first_pair_a_token_with_the_password_below_it() {
        let notes = "Ticket INC0051234: Salesforce sync down since 09:10\n\
                     The runbook still has sfdc.password=Quartz#77Lm8WbR4tYq9sNv2XcK5hJd3P\n\
                     2025-03-02 10:05 - Dana (Work notes)\n\
                     Reset the integration user's security token, new token: Hq3VnL8xTz2RbW5yKd7PmA4s\n\
                     Redeployed the connector.\n\
                     Waiting for the health check.\n\
                     \n\
                     2025-03-02 09:40 - Dana (Work notes)\n\
                     Password on the box is actually Lantern_Quay.2025! not what the runbook says\n";
        let pair = "salesforce-password-with-token".to_string();
        assert_eq!(found("incident.txt", notes), [(pair.clone(), 2), (pair, 9)]);
        // Further apart, they stay two findings: each message may be about another login.
        let far = notes.replace("Redeployed the connector.\n", &"Redeployed the connector.\n".repeat(6));
        assert_eq!(
            found("incident.txt", &far),
            [
                ("salesforce-password-with-token".to_string(), 2),
                ("salesforce-security-token".to_string(), 4),
                ("salesforce-password".to_string(), 14)
            ]
        );
    }

    #[test]
    fn a_sentence_ends_before_its_string_or_element_closes() {
        let said = "the password is sfIntMango*12 and the token is cusZRKuPd8BE5NB1j1sIL6eF.";
        let pair = [("salesforce-password-with-token".to_string(), 1)];
        assert_eq!(
            found("general.json", &format!("{{\"channel\": \"salesforce-ops\", \"text\": \"{said}\"}}\n")),
            pair
        );
        assert_eq!(found("standup.vtt", &format!("<v Tomas Ruiz>Salesforce: {said}</v>\n")), pair);
    }

    #[test]
    fn a_register_row_is_its_consumer_keys_unless_it_says_otherwise() {
        let key = "3MVG9HVq8qcskdP927rIl5025Y8yxVnGXhkfP47xK9J4wj6zP9zlB8dhTE2CjghWiYdHow1uuIdkeIKupfmJ3";
        let csv = format!(
            "App Name;Consumer Key;Consumer Secret;Callback URL\n\
             Zapier bridge;{key};44F6CABB25AE5500F0D5212E90012AADD9D6032C9E2DF8C8D95E69EC677FE8DC;https://zapier.com/auth/return\n\
             Twitter listener (not SF);l6RueTzmMWVfYYDPLfG1Mm3um;r0dxaJDajY773IfOUN9e2Y9zuZjQgRsjkBZzy8TTk5Y4ObGD9b;https://social.acme-corp.com/cb\n"
        );
        assert_eq!(found("Connected Apps Register.csv", &csv), [("salesforce-client-credentials".to_string(), 2)]);
    }

    #[test]
    fn a_consumer_key_pairs_with_the_secret_on_its_own_line() {
        let key = "3MVG9jVx2ETy8jWTFwOgd1QDfx3l8FFYcw4ppCFiqTou1YCxiW63tAMrM9Hvj16NTucjzS8jfoDFieiM.RP4.";
        let text = format!(
            "Salesforce integration notes\n\
             consumer secret 90E2AA3C4D0D8B8FB1A4C8B31FA0C7AFD1E7BD52D28CE93CC4E11C79A7C2A1B4 (the old app)\n\
             client_id={key} client_secret=CD816FDFD001F89737ADBCB621043B8A216F2BC1623A95870673B8D30307F1E2\n"
        );
        assert_eq!(
            found("notes.txt", &text),
            [("salesforce-consumer-secret".to_string(), 2), ("salesforce-client-credentials".to_string(), 3)]
        );
    }

    #[test]
    fn an_html_table_without_header_cells_is_read_by_its_first_row() {
        let cell = |t: &str| format!("  <td style='padding:2.0pt'><p style='margin:0in'>{t}</p></td>\n");
        let row = |cells: [&str; 3]| format!(" <tr>\n{}</tr>\n", cells.map(cell).concat());
        let page = |header: [&str; 3]| {
            format!(
                "<html><body>\n<table border=1>\n{}{}{}</table>\n</body></html>\n",
                row(header),
                row(["SFDC prod (SOAP)", "infa.sync@acme.com", "Nyjv8%jEmvTE*ke4Io7HxANEg0jsPrEhVtKp7"]),
                row(["Informatica Cloud", "hv_admin", "LRf$wMv8t@40"]),
            )
        };
        let found = |t: String| found("Credentials.htm", &t);
        // The first row names the columns (bold, as OneNote writes them); the Salesforce row's
        // secret is a password with its token, the Informatica row's is Informatica's.
        assert_eq!(
            found(page(["<b>System</b>", "<b>User</b>", "<b>Secret</b>"])),
            [("salesforce-password-with-token".to_string(), 11)]
        );
        // A first row of values is no header.
        assert_eq!(found(page(["Secret rotation 2024", "see below", "n/a"])), []);
    }

    #[test]
    fn a_token_whose_key_names_its_login_pairs_only_with_that_logins_password() {
        let log = |reference: &str| {
            format!(
                "Step #2:  Password     g!U8B!qDfg\nStep #2:  Instance Url https://x.scratch.my.salesforce.com\n\
                 Step #3: SF_INTEGRATION_PASSWORD={reference}\nStep #3: SF_INTEGRATION_SECURITY_TOKEN=0Od8fOJTirMpRrUM1hBVKlwr\n"
            )
        };
        let found = |t: String| found("cloudbuild.log", &t);
        // The scratch org's password (a listing's column) and the integration login's token.
        assert_eq!(
            found(log("$$SF_INTEGRATION_PASSWORD")),
            [("salesforce-password".to_string(), 1), ("salesforce-security-token".to_string(), 4)]
        );
        // With its own password there, the token is that password's.
        assert_eq!(
            found(log("Quartz1739!")),
            [("salesforce-password".to_string(), 1), ("salesforce-password-with-token".to_string(), 3)]
        );
    }

    #[test]
    fn a_short_heading_naming_another_system_owns_its_section() {
        let page = |heading: &str| {
            format!("# Salesforce onboarding\n\n## {heading}\n\n- service user `DBT_SVC` / password `Wint3r3mb3r!95`\n")
        };
        let found = |heading: &str| found("Onboarding.md", &page(heading));
        assert_eq!(found("3. Snowflake"), []);
        // A heading that says where the text comes from, or none that names a system: the page's.
        let password = [("salesforce-password".to_string(), 5)];
        assert_eq!(found("Timeline (Slack #platform-oncall export)"), password);
        assert_eq!(found("3. Integration user"), password);
    }
}
