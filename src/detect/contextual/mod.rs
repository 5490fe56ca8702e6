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
//! [`keyvalue`]: super::keyvalue
//! [`vocabulary`]: super::vocabulary
//! [`plausible`]: super::plausible
//! [`scope`]: super::scope

use super::finding::{Evidence, Finding, Related};
use super::keyvalue::{self, Form, Pair};
use super::plausible::{self, Check, Verdict};
use super::rules::{Confidence, RuleBook};
use super::scope::{Hit, Scope};
use super::vocabulary::{LoginCallSpec, Vocabulary, SALESFORCE};
use std::ops::Range;
use std::path::Path;

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
            let ls = keyvalue::line_start(buf, p.key_start);
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

    /// What the block around a value says of its vendor: (vendor id, what said it). The block is
    /// the value's enclosing objects (up to three levels), the sibling lines of a YAML entry, or
    /// the `k=v;` pairs of a connection string; what counts is the value of keys that name a
    /// system (`type`, `driver`, `host`, `url`, `server`, `name`, …), read for Salesforce context
    /// and for other vendors' words.
    ///
    /// A host or URL that is not Salesforce's (`"endpoint": "https://opera-ows.example.com/"`,
    /// `Hostname: sftp.example.internal`) names another system when nothing in the block names
    /// Salesforce. For a consumer secret (`secret`), a client ID beside it that is not a consumer
    /// key (`3MVG9…`) is another identity provider's (an Azure AD GUID).
    fn block_vendor(&self, buf: &[u8], p: &Pair, around: &[Range<usize>], secret: bool) -> Option<(String, String)> {
        if matches!(p.form, Form::Prose | Form::Call) {
            return None;
        }
        if p.form == Form::Table {
            return self.row_vendor(buf, p);
        }
        // A flag's command says whose login it is (`pmrep createconnection -s Oracle … -p 'v'`):
        // what it names besides the value, when that is one vendor only.
        if p.form == Form::Flag {
            let cmd = keyvalue::command(buf, p.key_start);
            let mut text = buf[cmd.start..p.value.start.max(cmd.start)].to_vec();
            text.push(b' ');
            text.extend_from_slice(&buf[p.value.end.min(cmd.end)..cmd.end]);
            let words = self.vocab.text_words(&String::from_utf8_lossy(&text));
            let sf = self.scope.first(&text, 0..text.len()).map(|h| h.text).or_else(|| {
                words.iter().find(|w| self.vocab.vendor_of(std::slice::from_ref(*w)) == Some(SALESFORCE)).cloned()
            });
            let other =
                words.iter().find_map(|w| self.vocab.vendor_of(std::slice::from_ref(w)).filter(|v| *v != SALESFORCE));
            return match (sf, other) {
                (Some(h), None) => Some((SALESFORCE.to_string(), format!("`{h}` in its command"))),
                (None, Some(v)) => Some((v.to_string(), format!("its command names {v}"))),
                _ => None,
            };
        }
        // A connection string (`Server=…;Database=…;Password=…`) is a database's.
        let ls = keyvalue::line_start(buf, p.key_start);
        let line = buf[ls..keyvalue::line_end(buf, p.key_start)].to_ascii_lowercase();
        if line.iter().filter(|&&b| b == b';').count() >= 2
            && [&b"server="[..], b"data source=", b"database=", b"initial catalog=", b"host="]
                .iter()
                .any(|k| memchr::memmem::find(&line, k).is_some())
        {
            return Some(("database".to_string(), "a database connection string".to_string()));
        }
        for block in around.iter().cloned() {
            // A log event's fields (`hostname`, `service`) name what logged it, not the system a
            // credential in it is for.
            if log_event(&buf[block.clone()]) {
                continue;
            }
            let mut sf = None;
            let mut other = None;
            let mut host = None;
            // Only the block's own keys: a nested object describes something inside it (a
            // Workday connection's `"Target Salesforce Connection"` parameter is not its type).
            let inner = nested(&buf[block.clone()]);
            // A secret beside a consumer key (`3MVG9…`) in its own block is that connected app's,
            // whatever the app is called (`"name": "Tableau CRM Sync"` a level up).
            if secret {
                let text = &buf[block.clone()];
                let key = memchr::memmem::find_iter(text, b"3MVG9")
                    .find(|&k| !inner.iter().any(|r| r.start <= k && k < r.end));
                if key.is_some() {
                    sf = Some("consumer key `3MVG9` in its block".to_string());
                }
            }
            for (name, value) in self.system_values(&buf[block.clone()]) {
                let text = &buf[block.start + value.start..block.start + value.end];
                if block.start + value.start <= p.value.start && p.value.end <= block.start + value.end {
                    continue;
                }
                if inner.iter().any(|r| r.start <= value.start && value.end <= r.end) {
                    continue;
                }
                if let Some(h) = self.scope.first(text, 0..text.len()) {
                    sf.get_or_insert(format!("{name} `{}` in its block", h.text));
                    continue;
                }
                // A key that ends in a system key (`SEED_LOGIN_URL`) may name Salesforce; what
                // else it names may be the app's own (`CALLBACK_URL`), so it names nothing else.
                if !self.vocab.lists.system_keys.contains(&name) {
                    continue;
                }
                let words = self.vocab.text_words(&String::from_utf8_lossy(text));
                if self.vocab.lists.database_keys.contains(&name) {
                    other.get_or_insert(("database".to_string(), format!("its block's `{name}`")));
                } else if let Some(v) = self.vocab.vendor_of(&words) {
                    other.get_or_insert((v.to_string(), format!("{name} `{}`", String::from_utf8_lossy(text))));
                } else if let Some(h) = self.vocab.lists.host_keys.contains(&name).then(|| host_of(text)).flatten() {
                    host.get_or_insert(("another system".to_string(), format!("{name} `{h}`")));
                }
            }
            if secret && other.is_none() {
                other = foreign_client_id(&buf[block.clone()], &inner);
            }
            // (A host that names no vendor is weaker than Salesforce's context: a connected
            // app's own callback URL beside its `3MVG9` key.)
            let other = other.or(if sf.is_none() { host } else { None });
            match (sf, other) {
                (Some(s), None) => return Some((SALESFORCE.to_string(), s)),
                (None, Some(o)) => return Some(o),
                // Both: the enclosing block decides (a Workday connection whose parameters
                // name its Salesforce target is still a Workday connection).
                (Some(_), Some(_)) | (None, None) => {}
            }
        }
        None
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

    /// Another vendor that the Markdown heading over a value names, alone (`## 3. Snowflake` over
    /// `mot de passe \`v\``): a page's section is about one system.
    fn heading_vendor(&self, buf: &[u8], p: &Pair, path: Option<&Path>) -> Option<String> {
        let ext = path?.extension()?.to_str()?.to_ascii_lowercase();
        if !matches!(ext.as_str(), "md" | "markdown" | "mdx" | "txt" | "org") {
            return None;
        }
        let mut end = keyvalue::line_start(buf, p.key_start.min(p.value.start));
        for _ in 0..40 {
            if end == 0 {
                return None;
            }
            let start = keyvalue::line_start(buf, end - 1);
            let line = &buf[start..end - 1];
            end = start;
            let marks = line.iter().take_while(|&&b| b == b'#' || b == b'*').count();
            if marks == 0 || marks > 6 || line.get(marks) != Some(&b' ') {
                continue;
            }
            // (A short heading, the system's name: `Timeline (Slack #oncall export)` says where
            // the text below comes from, not what it is about.)
            let words = self.vocab.words(&String::from_utf8_lossy(&line[marks..]));
            if words.iter().filter(|w| w.bytes().all(|b| b.is_ascii_alphabetic())).count() > 3 {
                return None;
            }
            return match self.vocab.vendor_of(&words) {
                Some(v) if v != SALESFORCE && self.scope.first(line, 0..line.len()).is_none() => Some(v.to_string()),
                _ => None,
            };
        }
        None
    }

    /// The vendor the first cell of a table's row names, for text at `at` in a later cell: a
    /// tab-separated line's, or an HTML `<tr>`'s.
    fn first_cell_vendor(&self, buf: &[u8], at: usize) -> Option<&str> {
        let ls = keyvalue::line_start(buf, at);
        let cell = match memchr::memchr(b'\t', &buf[ls..at]) {
            Some(tab) => ls..ls + tab,
            None => {
                let from = at.saturating_sub(4096);
                let tr = memchr::memmem::rfind(&buf[from..at], b"<tr").map(|i| from + i)?;
                if memchr::memmem::find(&buf[tr..at], b"</tr>").is_some() {
                    return None;
                }
                keyvalue::html_cells(buf, tr).into_iter().next().filter(|c| c.end <= at)?
            }
        };
        self.vocab.vendor_of(&self.vocab.words(&String::from_utf8_lossy(&buf[cell])))
    }

    /// What a table row says of its vendor: Salesforce context in any of its cells (a URL, a
    /// system name), else another vendor's name in one (`GitHub (ops bot)`, `https://github.com/…`).
    fn row_vendor(&self, buf: &[u8], p: &Pair) -> Option<(String, String)> {
        let row = p.row?;
        // The table's rows as cells: a delimited file's lines, or an HTML table's `<tr>`s.
        let html = buf[row..].starts_with(b"<tr");
        let hs = if html {
            memchr::memmem::rfind(&buf[..p.key_start], b"<tr")?
        } else {
            keyvalue::line_start(buf, p.key_start)
        };
        let header = &buf[hs..keyvalue::line_end(buf, p.key_start)];
        // PostgreSQL's `COPY t (a, b, c) FROM stdin;`: columns listed in its parentheses, rows
        // of tab-separated fields.
        let copy = header.len() > 5 && header[..5].eq_ignore_ascii_case(b"COPY ");
        let delim = if copy { b'\t' } else { keyvalue::delimiter(header) };
        let cells = |r: usize| -> Vec<&[u8]> {
            if html {
                keyvalue::html_cells(buf, r).into_iter().map(|c| &buf[c]).collect()
            } else if copy && r == hs {
                let open = memchr::memchr(b'(', header).map_or(0, |i| i + 1);
                let close = memchr::memchr(b')', header).unwrap_or(header.len()).max(open);
                header[open..close].split(|&b| b == b',').collect()
            } else {
                buf[r..keyvalue::record_end(buf, r, delim)].split(|&b| b == delim).collect()
            }
        };
        // The row after `r`.
        let next = |r: usize| -> Option<usize> {
            if html {
                let end = memchr::memmem::find(&buf[r..], b"</tr>")? + r;
                let next = memchr::memmem::find(&buf[end..], b"<tr")? + end;
                memchr::memmem::find(&buf[end..next], b"</table>").is_none().then_some(next)
            } else {
                Some(keyvalue::record_end(buf, r, delim) + 1).filter(|&n| n < buf.len())
            }
        };
        // Only the cells of columns that name a system (`url`, `name`, `System`, `Application`):
        // a users export's `Integration` column names what uses the login, not whose it is. (An
        // SQL tuple's columns are named elsewhere: every cell counts.)
        let tuple = buf[row] == b'(';
        let columns: Vec<bool> = cells(hs)
            .into_iter()
            .map(|c| {
                // (`DeveloperName`, `LoginUrl`: a camel-case header's words apart.)
                let mut c = String::from_utf8_lossy(c).trim().trim_matches(['"', '\'']).to_string();
                for i in (1..c.len()).rev() {
                    let b = c.as_bytes();
                    if b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase() {
                        c.insert(i, ' ');
                    }
                }
                let c = c.to_lowercase();
                // (A Salesforce custom field's suffix: `Login_Host__c` is a host column.)
                let c =
                    ["__c", "__mdt", "__pc", "__s"].iter().find_map(|x| c.strip_suffix(x)).unwrap_or(&c).to_string();
                // A person's name (`Full Name`, `Owner name`) says who holds the login, not whose it is.
                if self.vocab.lists.person_columns.iter().any(|w| c.contains(w.as_str())) {
                    return false;
                }
                // A column that Salesforce's name heads (`Salesforce Org`, `SFDC instance`) holds
                // the org a row's credentials log in to, whatever system uses them.
                if ["salesforce", "sfdc"].iter().any(|w| c.contains(w)) {
                    return true;
                }
                self.vocab
                    .lists
                    .system_columns
                    .iter()
                    .any(|k| c == *k || c.ends_with(&format!(" {k}")) || c.ends_with(&format!("_{k}")))
            })
            .collect();
        let system_text = |row: usize| {
            let mut text = Vec::new();
            for (i, cell) in cells(row).into_iter().enumerate() {
                if tuple || columns.get(i).copied().unwrap_or(false) {
                    text.extend_from_slice(cell.trim_ascii());
                    text.push(b' ');
                }
            }
            text
        };
        let text = system_text(row);
        // `DocuSign for Salesforce`: a product made for Salesforce is its maker's.
        if let Some(v) = self.made_for_salesforce(&text) {
            return Some((v.to_string(), format!("its row names {v}")));
        }
        // `Twitter listener (not SF)`: a row that says it is not Salesforce's.
        if disowned(&text) {
            return Some(("another system".to_string(), "its row says it is not Salesforce's".to_string()));
        }
        // A connected app's consumer key in any cell: the row is that app's, whatever its name
        // (`Zapier bridge`) or callback host names.
        let consumer_key = |c: &&[u8]| {
            let c = c.trim_ascii();
            c.strip_prefix(b"\"").unwrap_or(c).starts_with(b"3MVG9")
        };
        if cells(row).iter().any(consumer_key) {
            return Some((SALESFORCE.to_string(), "a consumer key (`3MVG9…`) in its row".to_string()));
        }
        if let Some(h) = self.scope.first(&text, 0..text.len()) {
            return Some((SALESFORCE.to_string(), format!("`{}` in its row", h.text)));
        }
        let words = self.vocab.text_words(&String::from_utf8_lossy(&text));
        if let Some(v) = self.vocab.vendor_of(&words) {
            return Some((v.to_string(), format!("its row names {v}")));
        }
        // An inventory of several systems (`System;Benutzer;Passwort` with a Salesforce row and a
        // DATEV row): when another row's system cells say Salesforce, this row's, naming
        // something else, are that other system's. A row whose system cells are empty says
        // nothing.
        if text.iter().all(|b| b.is_ascii_whitespace() || b"-\"'".contains(b)) {
            return None;
        }
        let mut at = next(hs);
        for _ in 0..200 {
            let Some(r) = at else { break };
            let other = system_text(r);
            if r != row && self.scope.first(&other, 0..other.len()).is_some() {
                return Some(("another system".to_string(), "its row names another system".to_string()));
            }
            at = next(r);
        }
        None
    }

    /// The vendor of a product named `<Vendor> for Salesforce` in `text` (`DocuSign for
    /// Salesforce`, `Conga for Salesforce`).
    fn made_for_salesforce(&self, text: &[u8]) -> Option<&str> {
        let lower = text.to_ascii_lowercase();
        memchr::memmem::find_iter(&lower, b" for salesforce").find_map(|i| {
            let before = lower[..i].rsplit(|b| !b.is_ascii_alphanumeric()).next()?;
            self.vocab.vendor_of(&[String::from_utf8_lossy(before).into_owned()]).filter(|v| *v != SALESFORCE)
        })
    }

    /// The (key, value span) pairs in a block whose key names a system (the vocabulary's
    /// `system_keys`): `type: snowflake`, `"host": "sqlprod01"`, `Server=tcp:…`, `{"id": "host",
    /// "value": "…"}` fields, aligned `Host   v` lines, `<url>v</url>` and KeePass's
    /// `<Key>Title</Key><Value>v</Value>`.
    fn system_values(&self, block: &[u8]) -> Vec<(String, Range<usize>)> {
        self.system_re
            .captures_iter(block)
            .filter_map(|c| {
                let (k, v) = (1..c.len()).step_by(2).find_map(|i| Some((c.get(i)?, c.get(i + 1)?)))?;
                let k = String::from_utf8_lossy(k.as_bytes()).to_ascii_lowercase();
                // `<value name="cn.sessionTimeout">120</value>`: a name attribute whose element's
                // text is the value names a field, not a system.
                let after = &block[v.end()..];
                let field = (k == "name" || k == "key")
                    && (after.starts_with(b"\">") || after.starts_with(b"'>"))
                    && after.get(2).is_some_and(|&b| b != b'\n')
                    && (after.get(2) != Some(&b'<') || after.get(3) == Some(&b'/'));
                // `<property name="com.intellij.clouds.kubernetes.db.enabled" value="false"/>`:
                // likewise a name beside a `value` attribute that only switches a setting (a
                // name beside a real value, `<env name="WDW_LOAD_DATABASE" value="raw"/>`, may
                // well say what the block connects to).
                let attr = (k == "name" || k == "key") && switch_beside(after);
                (!field && !attr).then(|| (k, v.range()))
            })
            .collect()
    }

    /// Whether a role is only a partner, never reported alone.
    pub(crate) fn is_support(&self, role: usize) -> bool {
        self.support[role]
    }
}

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

/// Whether text between a key and its value says the credential is not Salesforce's (`password
/// (SN side, not Salesforce):`, `non-SFDC`).
fn disowned(text: &[u8]) -> bool {
    let t = text.to_ascii_lowercase();
    ["not ", "non-", "non ", "nicht ", "no es "].iter().any(|neg| {
        memchr::memmem::find_iter(&t, neg.as_bytes()).any(|i| {
            let w = &t[i + neg.len()..];
            let w = w.strip_prefix(b"the ").unwrap_or(w);
            let w = w.strip_prefix(b"for ").unwrap_or(w);
            ["salesforce", "sfdc", "sf ", "sf)", "sf,", "sf:"].iter().any(|sf| w.starts_with(sf.as_bytes()))
        })
    })
}

/// Whether a block is a structured log event: a level and a message field (pino, bunyan,
/// logstash JSON: `{"level":30,"time":…,"hostname":"web-7c9d","msg":"…"}`).
fn log_event(block: &[u8]) -> bool {
    let field = |names: &[&[u8]]| names.iter().any(|n| memchr::memmem::find(block, n).is_some());
    block.first() == Some(&b'{')
        && field(&[b"\"level\":", b"\"severity\":", b"\"lvl\":", b"\"log.level\":"])
        && field(&[b"\"msg\":", b"\"message\":"])
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

/// The blocks around a pair, innermost first: enclosing `{…}` / `[…]` levels (JSON, dicts, HCL),
/// the run of sibling lines of a YAML or properties entry, and a connection string's own line.
fn blocks(buf: &[u8], p: &Pair) -> Vec<Range<usize>> {
    const REACH: usize = 4096;
    let mut out = Vec::new();
    let at = p.key_start.min(p.value.start);
    let ls = keyvalue::line_start(buf, at);
    let le = keyvalue::line_end(buf, at);
    // A connection string: `Server=…;Database=…;Password=…`.
    if buf[ls..le].iter().filter(|&&b| b == b';').count() >= 2 {
        out.push(ls..le);
    }
    // Enclosing brackets.
    let mut open = at;
    let floor = at.saturating_sub(REACH);
    for _ in 0..3 {
        let mut depth = 0i32;
        let mut i = open;
        let mut found = None;
        while i > floor {
            let Some(b) = keyvalue::prev_bracket(buf, floor, i) else { break };
            i = b;
            match buf[i] {
                b'}' | b']' => depth += 1,
                b'{' | b'[' if depth > 0 => depth -= 1,
                b'{' | b'[' => {
                    found = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(o) = found else { break };
        let mut depth = 0i32;
        let mut j = o + 1;
        let ceil = (o + REACH).min(buf.len());
        while j < ceil {
            let Some(b) = keyvalue::next_bracket(buf, j, ceil) else {
                j = ceil;
                break;
            };
            j = b;
            match buf[j] {
                b'{' | b'[' => depth += 1,
                b'}' | b']' if depth == 0 => break,
                b'}' | b']' => depth -= 1,
                _ => {}
            }
            j += 1;
        }
        out.push(o..j);
        open = o;
    }
    // YAML / properties siblings: lines of the same indentation around the key's, up to a line
    // indented less.
    if matches!(p.form, Form::Assign { line: true } | Form::NameValue) {
        let indent = buf[ls..at].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let line_indent = |s: usize| buf[s..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let mut start = ls;
        for _ in 0..20 {
            if start == 0 {
                break;
            }
            let s = keyvalue::line_start(buf, start - 1);
            if line_indent(s) < indent || buf[s..start - 1].trim_ascii().is_empty() {
                break;
            }
            start = s;
        }
        let mut end = le;
        for _ in 0..20 {
            if end >= buf.len() {
                break;
            }
            let e = keyvalue::line_end(buf, end + 1);
            if line_indent(end + 1) < indent || buf[end + 1..e].trim_ascii().is_empty() {
                break;
            }
            end = e;
        }
        if indent > 0 {
            out.insert(0, start..end);
        } else if let Some(section) = ini_section(buf, ls, le) {
            out.insert(0, section);
        }
    }
    // XML: the elements around the key, innermost first (a KeePass `<Entry>` whose `Title` and
    // `URL` say whose its `Password` is).
    if matches!(p.parents, keyvalue::Parents::Xml(_)) || buf[ls..le].trim_ascii_start().starts_with(b"<") {
        out.extend(xml_elements(buf, at, REACH, 2));
    }
    out
}

/// The INI section around the line `ls..le` (`[Sage]` down to the next section header), when a
/// header is at most 40 lines above it.
fn ini_section(buf: &[u8], ls: usize, le: usize) -> Option<Range<usize>> {
    let header = |s: usize, e: usize| {
        let t = buf[s..e].trim_ascii();
        t.len() > 2 && t[0] == b'[' && t[t.len() - 1] == b']' && !t[1..t.len() - 1].contains(&b'[')
    };
    let mut start = ls;
    let mut found = false;
    for _ in 0..40 {
        if start == 0 {
            break;
        }
        let s = keyvalue::line_start(buf, start - 1);
        start = s;
        if header(s, keyvalue::line_end(buf, s)) {
            found = true;
            break;
        }
    }
    if !found {
        return None;
    }
    let mut end = le;
    for _ in 0..40 {
        if end >= buf.len() {
            break;
        }
        let e = keyvalue::line_end(buf, end + 1);
        if header(end + 1, e) {
            break;
        }
        end = e;
    }
    Some(start..end)
}

/// Up to `n` XML elements enclosing `at` that span lines (records, not a `<Key>` leaf), innermost
/// first, each from its `<` to the end of its closing tag, looked for within `reach` bytes either
/// side. The document's root element is no record, it says what the whole file is; unless no
/// other element encloses the key.
fn xml_elements(buf: &[u8], at: usize, reach: usize, n: usize) -> Vec<Range<usize>> {
    let floor = at.saturating_sub(reach);
    let ceil = (at + reach).min(buf.len());
    let mut out = Vec::new();
    // Names of elements closed between a candidate and `at`.
    let mut closed: Vec<&[u8]> = Vec::new();
    let mut i = at;
    while out.len() < n {
        let Some(lt) = memchr::memrchr(b'<', &buf[floor..i]).map(|j| floor + j) else { break };
        i = lt;
        let Some(gt) = memchr::memchr(b'>', &buf[lt..ceil.min(lt + 512)]).map(|j| lt + j) else { continue };
        let tag = &buf[lt + 1..gt];
        if tag.first().is_some_and(|&b| matches!(b, b'?' | b'!')) || tag.last() == Some(&b'/') {
            continue;
        }
        let name_of = |t: &[u8]| -> usize { t.iter().take_while(|&&b| !b.is_ascii_whitespace() && b != b'/').count() };
        if let Some(t) = tag.strip_prefix(b"/") {
            closed.push(&t[..name_of(t)]);
            continue;
        }
        let name = &tag[..name_of(tag)];
        if name.is_empty() {
            continue;
        }
        if closed.last() == Some(&name) {
            closed.pop();
            continue;
        }
        let mut close = Vec::with_capacity(name.len() + 3);
        close.extend_from_slice(b"</");
        close.extend_from_slice(name);
        close.push(b'>');
        let Some(end) = memchr::memmem::find(&buf[gt..ceil], &close).map(|j| gt + j + close.len()) else { break };
        // (Unless the key is one of its own fields: a Named Credential's `<endpoint>` and
        // `<password>` are children of the root, which is the one record.)
        let root = !buf[..lt].windows(2).any(|w| w[0] == b'<' && w[1].is_ascii_alphabetic());
        if root {
            if out.is_empty() && memchr::memchr(b'\n', &buf[lt..end]).is_some() {
                out.push(lt..end);
            }
            break;
        }
        // HTML's elements are layout (a table's `class="confluenceTd"`), not records.
        const HTML: &[&[u8]] = &[
            b"html",
            b"body",
            b"div",
            b"table",
            b"tbody",
            b"thead",
            b"tr",
            b"td",
            b"th",
            b"ul",
            b"ol",
            b"li",
            b"p",
            b"span",
            b"section",
            b"article",
            b"main",
            b"form",
            b"dl",
            b"pre",
            b"blockquote",
        ];
        if HTML.iter().any(|h| h.eq_ignore_ascii_case(name)) {
            break;
        }
        if memchr::memchr(b'\n', &buf[lt..end]).is_some() {
            out.push(lt..end);
        }
    }
    out
}

/// What is nested inside a block (spans relative to it): the objects and arrays one level inside
/// a block that opens with a bracket (brackets inside double-quoted strings are text), or the
/// deeper-indented lines of a run of sibling lines.
fn nested(block: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // An XML element: its fields are in child elements at any depth (KeePass's
    // `<String><Key>Title</Key><Value>…`), none of them a block of its own.
    if block.first() == Some(&b'<') {
        return out;
    }
    if !matches!(block.first(), Some(b'{' | b'[')) {
        // The sibling lines of a YAML or JSON entry: lines indented deeper are nested, and so
        // are lines that are objects of their own (a list's `{ "name": "gh_pat", "value": … }`
        // entries describe other things).
        let indent = |l: &[u8]| l.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let base = block.split(|&b| b == b'\n').filter(|l| !l.trim_ascii().is_empty()).map(indent).min().unwrap_or(0);
        let mut at = 0;
        for l in block.split(|&b| b == b'\n') {
            let t = l.trim_ascii();
            if indent(l) > base || t.starts_with(b"{") && (t.ends_with(b"}") || t.ends_with(b"},")) {
                out.push(at..at + l.len());
            }
            at += l.len() + 1;
        }
        return out;
    }
    let (mut depth, mut start, mut in_str, mut escaped) = (0usize, 0, false, false);
    for (i, &b) in block.iter().enumerate() {
        if in_str {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'{' | b'[' => {
                depth += 1;
                if depth == 2 {
                    start = i;
                }
            }
            b'}' | b']' => {
                if depth == 2 {
                    out.push(start..i + 1);
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    out
}

/// The pairs of `pw` keys within eight lines of `at` (a chat's message before the token's).
fn short_password_keys(buf: &[u8], at: usize) -> Vec<Pair> {
    keys_near(buf, at, 8, &[b"pw", b"PW", b"Pw"], |k| k.to_ascii_lowercase().ends_with("pw"))
}

/// Passwords without a key of their own on the line of a security token's value, read as a
/// password's: the password of a URL's user (`salesforce://etl%40acme.io:v@?security_token=t`,
/// an Airflow connection). (A login written as user, slash, password has an anchor of its own:
/// see [`slashed_login`].)
fn keyless_passwords(buf: &[u8], at: usize) -> Vec<Pair> {
    static RE: std::sync::OnceLock<regex::bytes::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::bytes::Regex::new(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@`'\x22<>]+:([^\s@/`'\x22<>{}$]{6,64})@")
            .expect("valid regex")
    });
    let (ls, le) = (keyvalue::line_start(buf, at), keyvalue::line_end(buf, at));
    if le - ls > 4096 {
        return Vec::new();
    }
    re.captures_iter(&buf[ls..le])
        .filter_map(|c| c.get(1))
        .map(|v| {
            let mut e = ls + v.end();
            while e > ls + v.start() && matches!(buf[e - 1], b',' | b';' | b'.') {
                e -= 1;
            }
            handed_over("password", ls + v.start()..e)
        })
        .collect()
}

/// The anchor of a login written as user, slash, password (see [`slashed_login`]).
const LOGIN_SLASH: &[u8] = b" / ";

/// The password of a login written as an e-mail address, a slash and the password with blanks
/// around it, the slash at `at` (` / `): `migration.user@acme.com / Pipeline^pioneer93`, as chats,
/// tickets and mails hand logins over. (Decided on the word before the slash first: in code a
/// ` / ` is a division.)
fn slashed_login(buf: &[u8], at: usize) -> Option<Pair> {
    let ls = keyvalue::line_start(buf, at);
    let word = buf[ls..at].rsplit(|b| b.is_ascii_whitespace()).next()?;
    let a = memchr::memchr(b'@', word)?;
    let email = a > 0
        && word[a + 1..].contains(&b'.')
        && word.iter().all(|&b| b.is_ascii_alphanumeric() || b"@._%+-".contains(&b))
        && word.last().is_some_and(u8::is_ascii_alphabetic);
    if !email {
        return None;
    }
    let vs = at + LOGIN_SLASH.len();
    let n = buf[vs..].iter().take(65).take_while(|&&b| b.is_ascii_graphic() && !b"`'\"<>".contains(&b)).count();
    let mut ve = vs + n;
    while ve > vs && matches!(buf[ve - 1], b',' | b';' | b'.') {
        ve -= 1;
    }
    (6..=64).contains(&(ve - vs)).then(|| handed_over("password", vs..ve))
}

/// A login handed over as two lines, in the eight lines before a security token's
/// (`talend.etl@acme.com` / `Glacier30Rocket?` in a chat message): a line that is only an e-mail
/// address (or says it is the user's: `user cutover.test@acme.com`), and below it a line that is
/// only one word, the password. A chat's header lines between them (`15:06:09 From Sam to Rina:`,
/// a time and a speaker) are passed over.
fn stacked_login(buf: &[u8], at: usize) -> Vec<Pair> {
    let address = |l: &[u8]| {
        let a = memchr::memchr(b'@', l);
        a.is_some_and(|a| a > 0 && l[a..].contains(&b'.'))
            && l.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'@' | b'.' | b'_' | b'-' | b'+'))
    };
    let email = |l: &[u8]| {
        let said = ["user:", "user", "username:", "username", "login:", "login"]
            .iter()
            .find_map(|w| l.get(..w.len()).filter(|h| h.eq_ignore_ascii_case(w.as_bytes())).map(|_| w.len()))
            .filter(|&n| l.get(n).is_some_and(u8::is_ascii_whitespace));
        address(l) || said.is_some_and(|n| address(l[n..].trim_ascii()))
    };
    let mut out = Vec::new();
    let mut s = keyvalue::line_start(buf, at);
    let mut below: Option<(usize, usize)> = None;
    for _ in 0..8 {
        if s == 0 {
            break;
        }
        s = keyvalue::line_start(buf, s - 1);
        let e = keyvalue::line_end(buf, s);
        let l = buf[s..e].trim_ascii();
        if below.is_some() && chat_header(l) {
            continue;
        }
        if let Some((vs, ve)) = below.filter(|_| email(l)) {
            out.push(handed_over("password", vs..ve));
            break;
        }
        let word = (6..=64).contains(&l.len()) && l.iter().all(u8::is_ascii_graphic) && !email(l);
        let lead = buf[s..e].len() - buf[s..e].trim_ascii_start().len();
        below = word.then_some((s + lead, s + lead + l.len()));
    }
    out
}

/// Whether the text before a bare `token`'s value says the token was reset or regenerated (`its
/// token was regenerated yesterday: v`, `I reset MY token …, new one is v`): what a user does
/// to a Salesforce security token, as its own page says (Reset My Security Token).
fn token_reset(buf: &[u8], p: &Pair) -> bool {
    let ls = keyvalue::line_start(buf, p.key_start);
    let text = buf[ls..p.value.start.max(ls)].to_ascii_lowercase();
    [&b"reset"[..], b"regenerat"].iter().any(|w| memchr::memmem::find(&text, w).is_some())
}

/// A chat's header line: a time and a speaker, ending in a colon (`15:06:09 From Sam to Rina:`).
fn chat_header(l: &[u8]) -> bool {
    l.first().is_some_and(u8::is_ascii_digit) && l.ends_with(b":") && l.contains(&b' ')
}

/// A consumer secret handed over as a message of its own after its consumer key's (a chat's
/// `3MVG9…` line, then the secret's): when the key ends its line, the next line that is not
/// blank or a chat's header, if it is only a consumer secret of Salesforce's exact shape (64
/// upper-case hex digits), or a name and such a secret (`CSEC=…`).
fn secret_below(buf: &[u8], key_end: usize) -> Option<Pair> {
    let le = keyvalue::line_end(buf, key_end);
    if !buf[key_end..le].trim_ascii().is_empty() {
        return None;
    }
    let mut s = le + 1;
    for _ in 0..4 {
        if s >= buf.len() {
            return None;
        }
        let e = keyvalue::line_end(buf, s);
        let l = buf[s..e].trim_ascii();
        if l.is_empty() || chat_header(l) {
            s = e + 1;
            continue;
        }
        let vs = s + (buf[s..e].len() - buf[s..e].trim_ascii_start().len());
        if plausible::secret_hex(l) {
            return Some(handed_over("consumer secret", vs..vs + l.len()));
        }
        // Or assigned to a name of its own (`+ CSEC=…` under `+ CID=3MVG9…` in a shell's trace):
        // the secret's exact shape says what it is.
        let sep = l.iter().position(|&b| b == b'=' || b == b':')?;
        let name = &l[..sep];
        let v = l[sep + 1..].trim_ascii();
        let v = v.strip_prefix(b"\"").and_then(|v| v.strip_suffix(b"\"")).unwrap_or(v);
        let v = v.strip_prefix(b"'").and_then(|v| v.strip_suffix(b"'")).unwrap_or(v);
        if name.len() > 40
            || name.split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()).count() > 2
            || !plausible::secret_hex(v)
        {
            return None;
        }
        let at = vs + memchr::memmem::find(&buf[vs..e], v)?;
        return Some(handed_over("consumer secret", at..at + v.len()));
    }
    None
}

/// `SEC_KEY`, `sfSecKey` (a security token's key that is too costly to search for everywhere:
/// `sec` starts too many words of a log) within 24 lines of a password's value.
fn sec_keys(buf: &[u8], at: usize) -> Vec<Pair> {
    keys_near(buf, at, 24, &[b"sec_key", b"SEC_KEY", b"secKey", b"SecKey", b"seckey", b"SECKEY"], |k| {
        k.to_ascii_lowercase().replace('_', "").ends_with("seckey")
    })
}

/// The pairs of the keys named `names` (whole words, or camel-case parts) within `lines` lines
/// (and 2 KiB per line) either side of `at`, whose key `fits`.
fn keys_near(buf: &[u8], at: usize, lines: usize, names: &[&[u8]], fits: impl Fn(&str) -> bool) -> Vec<Pair> {
    let mut s = keyvalue::line_start(buf, at);
    for _ in 0..lines {
        if s == 0 || at - s > 2048 * lines {
            break;
        }
        s = keyvalue::line_start(buf, s - 1);
    }
    let mut e = keyvalue::line_end(buf, at);
    for _ in 0..lines {
        if e >= buf.len() || e - at > 2048 * lines {
            break;
        }
        e = keyvalue::line_end(buf, e + 1);
    }
    let mut out = Vec::new();
    let region = &buf[s..e];
    let mut hits: Vec<(usize, usize)> =
        names.iter().flat_map(|n| memchr::memmem::find_iter(region, n).map(|i| (i, n.len()))).collect();
    hits.sort_unstable();
    for (i, n) in hits {
        // A word of its own: `pw`, `SF_PW`, `sfPw`; not `npw` or `pwned`.
        let prev = if i > 0 { region[i - 1] } else { b' ' };
        let camel = prev.is_ascii_lowercase() && region[i].is_ascii_uppercase();
        if region.get(i + n).is_some_and(|b| b.is_ascii_alphanumeric()) || (prev.is_ascii_alphanumeric() && !camel) {
            continue;
        }
        out.extend(keyvalue::extract(buf, s + i, n).into_iter().filter(|p| fits(&p.key)));
    }
    out
}

/// The host of an address (`https://opera-ows.example.com/OWS/` → `opera-ows.example.com`), when
/// it is one: a name with a dot, an IP address or `localhost`; not a reference (`${HOST}`).
fn host_of(text: &[u8]) -> Option<String> {
    let t = String::from_utf8_lossy(text.trim_ascii()).to_ascii_lowercase();
    let rest = t.split_once("://").map_or(t.as_str(), |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let host = rest.split(['/', ':', '?', '#', ' ']).next()?;
    let label = |l: &str| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let named = host.contains('.')
        && host.split('.').all(label)
        && host
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.bytes().any(|b| b.is_ascii_alphabetic()) || host.split('.').count() == 4);
    (named || host == "localhost").then(|| host.to_string())
}

/// A client ID in a block (its own keys, not nested ones) that is not a Salesforce consumer key:
/// the secret beside it belongs to that other identity provider.
fn foreign_client_id(block: &[u8], inner: &[Range<usize>]) -> Option<(String, String)> {
    static RE: std::sync::OnceLock<regex::bytes::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::bytes::RegexBuilder::new(
            r#"(?i)["']?\b(?:client[ _-]?id|consumer[ _-]?key|app[ _-]?id|application[ _-]?id)\b["']?\s*(?:=>|=|:)\s*["']?([A-Za-z0-9/+][A-Za-z0-9._~+/=-]{7,})"#,
        )
        .unicode(false)
        .build()
        .expect("valid regex")
    });
    // (A client ID read from elsewhere, `process.env.SFDC_CLIENT_ID || '3MVG9…'`, says nothing but
    // its fallback.)
    let c = re
        .captures_iter(block)
        .filter_map(|c| c.get(1))
        .filter(|v| !plausible::not_a_value(v.as_bytes(), false, true))
        .find(|v| !inner.iter().any(|r| r.start <= v.start() && v.end() <= r.end))?;
    let line_end = memchr::memchr(b'\n', &block[c.end()..]).map_or(block.len(), |i| c.end() + i);
    // (A Kubernetes Secret's `client-id: M01WRzl…` is a `3MVG9` key in base64.)
    let encoded = super::decode::base64_prefix_anchors(b"3MVG9").iter().any(|a| c.as_bytes().starts_with(a.as_bytes()));
    (!c.as_bytes().starts_with(b"3MVG")
        && !encoded
        && memchr::memmem::find(&block[c.end()..line_end], b"3MVG9").is_none())
    .then(|| ("another system".to_string(), "its client ID is no Salesforce consumer key".to_string()))
}

/// For a column of a table whose header also names the other half of a login (`Password` and
/// `Security Token`): the header, which is Salesforce's own pair of columns.
fn table_header(layer: &Layer, buf: &[u8], p: &Pair, role: usize) -> Option<String> {
    if p.form != Form::Table {
        return None;
    }
    let ls = keyvalue::line_start(buf, p.key_start);
    let le = keyvalue::line_end(buf, p.key_start);
    let want = match layer.vocab.roles[role].id.as_str() {
        "password" => "security-token",
        "security-token" => "password",
        _ => return None,
    };
    let header = String::from_utf8_lossy(&buf[ls..le]);
    let other = header
        .split([',', '\t', ';', '|', '(', ')'])
        .map(|c| c.trim().trim_matches(['"', '\'']))
        .find(|c| layer.vocab.read(c, true).is_some_and(|r| layer.vocab.roles[r.role].id == want))?;
    Some(format!("the `{}` and `{other}` columns of its header", p.key))
}

/// Whether the key sits in an SQL statement (two SQL keywords on its line, or one that sets a
/// database login's password): `UPDATE staff sf SET sf.password = 'x'` sets a database column,
/// whatever the alias is called. (A line of code kept
/// in one string, its line breaks escaped, is as many lines: `\\n`, KNIME's `%%00010`, `&#10;`.)
fn in_sql(buf: &[u8], p: &Pair) -> bool {
    let (mut ls, mut le) = (keyvalue::line_start(buf, p.key_start), keyvalue::line_end(buf, p.key_start));
    for sep in LINE_BREAKS {
        if let Some(i) = memchr::memmem::rfind(&buf[ls..p.key_start], sep) {
            ls += i + sep.len();
        }
        if let Some(i) = memchr::memmem::find(&buf[p.key_start..le], sep) {
            le = p.key_start + i;
        }
    }
    // A key inside one of the statement's string literals is data (a serialized PHP array in a
    // `wp_options` row), not a column of the statement.
    let head = &buf[ls..p.key_start];
    let quotes = head.iter().enumerate().filter(|&(i, &b)| b == b'\'' && (i == 0 || head[i - 1] != b'\\')).count();
    if quotes % 2 == 1 {
        return false;
    }
    static SQL: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let line = &buf[ls..le];
    // SQL in lower case only where a statement starts the line (`update users set …`); in the
    // middle of a sentence, `update the env … from the vault` is English.
    let lower = {
        let t = line.trim_ascii_start();
        let t = t.strip_prefix(b"\"").or_else(|| t.strip_prefix(b"'")).unwrap_or(t);
        ["update ", "select ", "insert ", "delete ", "with "]
            .iter()
            .any(|w| t.len() >= w.len() && t[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
    };
    let ac = SQL.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["UPDATE ", " SET ", "SELECT ", " WHERE ", " FROM ", "INSERT ", " VALUES"])
            .expect("literal SQL words")
    });
    // A database's own login: `ALTER ROLE crm_app WITH PASSWORD 'v'`, `CREATE USER etl IDENTIFIED
    // BY v` (one statement is enough: its password is the database's).
    static LOGINS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let logins = LOGINS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "ALTER ROLE ",
                "ALTER USER ",
                "CREATE ROLE ",
                "CREATE USER ",
                "ALTER LOGIN ",
                "CREATE LOGIN ",
                " IDENTIFIED BY ",
            ])
            .expect("literal SQL words")
    });
    if logins.find_iter(line).any(|m| lower || !line[m.start()..m.end()].iter().any(u8::is_ascii_lowercase)) {
        return true;
    }
    let mut seen = [false; 7];
    for m in ac.find_overlapping_iter(line) {
        if !lower && line[m.start()..m.end()].iter().any(u8::is_ascii_lowercase) {
            continue;
        }
        seen[m.pattern().as_usize()] = true;
    }
    seen.iter().filter(|&&b| b).count() >= 2
}

/// The key, without a table alias in an SQL statement (`UPDATE staff sf SET sf.password = …`:
/// `sf` is the table there, not Salesforce).
fn sql_alias_dropped(buf: &[u8], p: &Pair) -> String {
    let Some(dot) = p.key.rfind('.') else { return p.key.clone() };
    if in_sql(buf, p) {
        p.key[dot + 1..].to_string()
    } else {
        p.key.clone()
    }
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

/// A value a person handed over without a key of its own (a login's password after its address,
/// a secret after its consumer key, a consumer key alone), read as `key`'s. Delimited by the form
/// it was handed over in, as a quoted value is.
fn handed_over(key: &str, value: Range<usize>) -> Pair {
    Pair {
        key: key.to_string(),
        key_start: value.start,
        value,
        joined: None,
        quoted: true,
        form: Form::Prose,
        parents: keyvalue::Parents::None,
        row: None,
    }
}

/// A consumer key with no key before it (`-d client_id…` aside, in text, in a Basic header's
/// decoded form): the value alone.
fn consumer_key_pair(buf: &[u8], at: usize) -> Pair {
    let mut e = at;
    while e < buf.len() && (buf[e].is_ascii_alphanumeric() || matches!(buf[e], b'.' | b'_')) {
        e += 1;
    }
    handed_over("consumer key", at..e)
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

/// How a settled finding is rebuilt under another rule with another value (a pair): supplied by
/// the engine, which owns rule metadata, redaction and fingerprints.
pub(crate) trait Remake {
    fn remake(&self, f: &mut Finding, rule: usize, value: Vec<u8>);
    fn confidence(&self, f: &mut Finding, c: Confidence);
}

/// The context layer's note on a provisional finding.
fn note(f: &Finding) -> Option<&Pending> {
    f.pending.as_ref().and_then(|p| p.downcast_ref::<Pending>())
}

/// Settles the context layer's provisional findings of one unit (see the module docs).
pub(crate) fn resolve(
    layer: &Layer,
    remake: &dyn Remake,
    findings: Vec<Finding>,
    file: Option<&(Hit, Option<u64>)>,
) -> Vec<Finding> {
    let (mut pending, mut done): (Vec<Finding>, Vec<Finding>) = findings.into_iter().partition(|f| f.pending.is_some());
    if pending.is_empty() {
        return done;
    }
    // A Salesforce token found by its prefix in the unit (a session ID pasted into the same chat)
    // says the unit is about Salesforce, like a library's import would.
    let prefixed: Vec<&Finding> =
        done.iter().filter(|f| f.rule.starts_with("salesforce-") && !f.known_example).collect();
    let nearest = |line: u64| {
        prefixed.iter().min_by_key(|f| f.line.abs_diff(line)).map(|f| (format!("{} in the same file", f.title), f.line))
    };
    // Salesforce's, or not at all. (A bare `token` is judged with the password it pairs with.)
    pending.retain_mut(|f| {
        let p = note(f).expect("partitioned");
        if p.generic {
            return true;
        }
        let (salesforce, line) = match &p.why {
            Some(Why::Key(k)) => (format!("the key `{k}` names Salesforce"), None),
            Some(Why::Said(s)) => (s.clone(), None),
            Some(Why::Near(h, delta)) => {
                (format!("{} `{}`", h.kind, h.text), Some((f.line as i64 + delta).max(1) as u64))
            }
            // (Text needs its Salesforce context close by: a token of Salesforce's pasted a
            // few messages away will do.)
            None if p.form == Form::Prose => match nearest(f.line) {
                Some((said, line)) if line.abs_diff(f.line) <= 40 => (said, Some(line)),
                _ => return false,
            },
            None => match (file, nearest(f.line)) {
                (Some((h, line)), _) => (format!("{} `{}`", h.kind, h.text), *line),
                (None, Some((said, line))) => (said, Some(line)),
                (None, None) => return false,
            },
        };
        f.evidence = Some(Evidence {
            key: without_values(&p.key),
            key_path: (!p.path.is_empty()).then(|| without_values(&p.path)),
            salesforce: without_values(&salesforce),
            line,
        });
        true
    });
    pending.sort_by_key(|f| f.offset);
    let role = |f: &Finding| note(f).expect("pending").role;
    let mut used = vec![false; pending.len()];
    let mut out: Vec<Finding> = Vec::new();
    // Pairs: each reported role's candidate takes the nearest partner of the same login or app.
    for &(rule, first, second) in &layer.pairs {
        let firsts: Vec<usize> = (0..pending.len()).filter(|&i| role(&pending[i]) == first && !used[i]).collect();
        for i in firsts {
            if note(&pending[i]).expect("pending").verdict == Verdict::WithToken {
                continue; // already a password with its token
            }
            let login = Some(first) == layer.password;
            let env = |f: &Finding| note(f).map(|p| layer.vocab.environments(&p.key)).unwrap_or_default();
            let firsts = firsts_count(&pending, &used, first);
            let Some(j) = partner(&pending, &used, i, second, firsts, login, role, env) else {
                continue;
            };
            used[i] = true;
            used[j] = true;
            let (a, b) = (&pending[i], &pending[j]);
            // A password and its token log in as one string; a key and secret go as `key:secret`.
            let value = if Some(first) == layer.password {
                [a.raw.as_slice(), b.raw.as_slice()].concat()
            } else {
                [b.raw.as_slice(), b":", a.raw.as_slice()].concat()
            };
            let mut f = a.clone();
            f.related.push(Related::of(b, &layer.vocab.roles[second].id));
            remake.remake(&mut f, rule, value);
            out.push(f);
        }
    }
    for (i, mut f) in pending.into_iter().enumerate() {
        if used[i] {
            continue;
        }
        let p = note(&f).cloned().expect("pending");
        if layer.is_support(p.role) || p.verdict == Verdict::OnlyPaired || p.generic {
            continue;
        }
        match p.verdict {
            Verdict::WithToken => {
                let rule = layer.pairs.iter().find(|x| Some(x.1) == layer.password).map(|x| x.0);
                if let Some(rule) = rule {
                    let raw = f.raw.clone();
                    remake.remake(&mut f, rule, raw);
                }
            }
            Verdict::Misshapen => remake.confidence(&mut f, Confidence::Medium),
            _ => {}
        }
        out.push(f);
    }
    for f in &mut out {
        f.pending = None;
    }
    done.append(&mut out);
    done.sort_by_key(|f| f.offset);
    done
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

/// Evidence text with every value taken out. A key's parents include the text before it on its
/// line, and there, on a URL, a call or a logfmt line, sit other values (`…&client_secret=BB80…&
/// password=`, `Salesforce("ops@acme.com", "Hunter2!", token=`): what follows `=` or `:` becomes
/// `…`, and so does a quoted literal that is not a key (`"k":`) or a plain name. The reports never
/// carry a secret; this keeps evidence from carrying one by the side door.
pub(crate) fn without_values(s: &str) -> String {
    // Escaped quotes (a JSON string inside a JSON string) are quotes.
    let mut s = s.to_string();
    while s.contains("\\\"") {
        s = s.replace("\\\"", "\"");
    }
    let out = strip_values(&s);
    // What quoting hid (quotes inside quotes): any address or long token left is masked.
    masked_tokens(&out)
}

/// Text with its addresses and random-looking tokens (12 or more characters, letters with digits,
/// no `/`) replaced by `…`: what is left is words.
fn masked_tokens(s: &str) -> String {
    static LEFT: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let left = LEFT.get_or_init(|| regex::Regex::new(r#"[^\s"'`,;:(){}\[\]<>=\\]+"#).expect("valid regex"));
    left.replace_all(s, |c: &regex::Captures| {
        let t = &c[0];
        let digit = t.bytes().any(|b| b.is_ascii_digit());
        let letter = t.bytes().any(|b| b.is_ascii_alphabetic());
        if t.find('@').is_some_and(|i| i > 0 && t[i..].contains('.'))
            || (t.len() >= 12 && digit && letter && !t.contains('/'))
        {
            "…".to_string()
        } else {
            t.to_string()
        }
    })
    .into_owned()
}

fn strip_values(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let stop = |c: u8| {
        matches!(c, b' ' | b'\t' | b'&' | b',' | b';' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'>' | b'<' | b'`')
    };
    while i < b.len() {
        let c = b[i];
        if (c == b'=' || c == b':')
            && !b[i..].starts_with(b"://")
            && !b[i..].starts_with(b"::")
            && !b[i..].starts_with(b"=>")
        {
            out.push(c as char);
            i += 1;
            while i < b.len() && b[i] == b' ' {
                out.push(' ');
                i += 1;
            }
            if i < b.len() && matches!(b[i], b'"' | b'\'') {
                continue;
            }
            let start = i;
            while i < b.len() && !stop(b[i]) && !matches!(b[i], b'"' | b'\'') {
                i += 1;
            }
            if i > start {
                out.push('…');
            }
            continue;
        }
        if c == b'"' || c == b'\'' {
            let Some(len) = b[i + 1..].iter().position(|&x| x == c) else {
                out.push_str("…");
                break;
            };
            let inner = &s[i + 1..i + 1 + len];
            let after = b[i + 2 + len..].iter().find(|&&x| x != b' ');
            let name = inner.len() < 40
                && inner.bytes().all(|x| x.is_ascii_alphabetic() || matches!(x, b'_' | b'.' | b'-' | b' '));
            out.push(c as char);
            out.push_str(if after == Some(&b':') || name { inner } else { "…" });
            out.push(c as char);
            i += len + 2;
            continue;
        }
        let ch = s[i..].chars().next().expect("in bounds");
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// Whether the key whose anchor ends at `e` is assigned a mask or nothing right there
/// (`password=********`, `"token": "<redacted>"`, `secret=[FILTERED]`, `password= next=…`): the
/// common case of authentication logs, rejected before the key and value are read at all.
fn masked_assignment(buf: &[u8], mut e: usize) -> bool {
    let stop = (e + 64).min(buf.len());
    while e < stop && (buf[e].is_ascii_alphanumeric() || matches!(buf[e], b'_' | b'-' | b'.')) {
        e += 1;
    }
    if e < buf.len() && matches!(buf[e], b'"' | b'\'') {
        e += 1;
    }
    let tight = e;
    while e < buf.len() && buf[e] == b' ' && e < stop {
        e += 1;
    }
    let Some(&sep) = buf.get(e) else { return false };
    let tight = e == tight;
    if sep != b'=' && sep != b':' {
        return false;
    }
    e += 1;
    // Nothing after `=`: the next field follows (logfmt, query strings); not a quote escaped as
    // an entity (`password=&quot;v&quot;`).
    let entity = [&b"&quot;"[..], b"&#34;", b"&apos;", b"&#39;"].iter().any(|q| buf[e..].starts_with(q));
    if sep == b'='
        && tight
        && !entity
        && buf.get(e).is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'&' | b',' | b';'))
    {
        return true;
    }
    while e < buf.len() && matches!(buf[e], b' ' | b'"' | b'\'') && e < stop {
        e += 1;
    }
    let v = &buf[e..(e + 12).min(buf.len())];
    let starts = |m: &[u8]| v.len() >= m.len() && v[..m.len()].eq_ignore_ascii_case(m);
    v.starts_with(b"***")
        || v.starts_with(b"%2A%2A")
        || v.starts_with(b"xxxx")
        || [
            &b"<redacted"[..],
            b"<hidden",
            b"<masked",
            b"<removed",
            b"<filtered",
            b"[redacted",
            b"[filtered",
            b"[hidden",
            b"[masked",
            b"[protected",
            b"[secure",
            b"(hidden",
            b"(null",
            b"(redacted",
        ]
        .iter()
        .any(|m| starts(m))
}

/// Whether `after` (just past a name attribute's value) closes the quote and goes on with a
/// `value` attribute that only switches a setting: `true`, `false` or a number.
fn switch_beside(after: &[u8]) -> bool {
    let Some((b'"' | b'\'', rest)) = after.split_first() else { return false };
    let rest = rest.trim_ascii_start();
    let Some(v) = rest.get(..6).filter(|a| a.eq_ignore_ascii_case(b"value=")).map(|_| &rest[6..]) else {
        return false;
    };
    let v = v.strip_prefix(b"\"").or_else(|| v.strip_prefix(b"'")).unwrap_or(v);
    let word = &v[..v.iter().position(|&b| matches!(b, b'"' | b'\'' | b' ' | b'/' | b'>')).unwrap_or(v.len())];
    word.eq_ignore_ascii_case(b"true")
        || word.eq_ignore_ascii_case(b"false")
        || !word.is_empty() && word.iter().all(u8::is_ascii_digit)
}

/// How many unpaired candidates of role `first` the unit holds.
fn firsts_count(pending: &[Finding], used: &[bool], first: usize) -> usize {
    pending.iter().enumerate().filter(|(i, f)| !used[*i] && note(f).is_some_and(|p| p.role == first)).count()
}

/// The partner of `pending[i]` with role `second`: in the same table row or call, else in the same
/// block within 12 lines, else within 4 lines, else the only one in the unit when `i`'s role has
/// only one candidate too. Keys that name different environments (`env`: the environments and
/// the other words before the last) are two logins'; when only one of the two keys names one and
/// they are otherwise alike (`org.sfdc.pass`, `org.sfdc.sandbox.token`), they pair only close by.
#[allow(clippy::too_many_arguments)]
fn partner(
    pending: &[Finding],
    used: &[bool],
    i: usize,
    second: usize,
    firsts: usize,
    login: bool,
    role: impl Fn(&Finding) -> usize,
    env: impl Fn(&Finding) -> (Vec<String>, Vec<String>),
) -> Option<usize> {
    let a = &pending[i];
    let pa = note(a)?;
    if login && pa.tokenless {
        return None;
    }
    let ea = env(a);
    // (One value is never both halves: a key read twice for one value. A token whose key names
    // its login pairs with that login's password only.)
    let own = |f: &Finding| {
        note(f).and_then(|p| p.login.as_ref()).is_none_or(|l| pa.key.to_ascii_lowercase().contains(l.as_str()))
    };
    // (A partner on the line of another candidate of `a`'s role is that one's: a help desk
    // export's row of another app's key and secret above a row of a connected app's.)
    // (The lines of those candidates, gathered once: a large export's units hold thousands.)
    let rivals: std::collections::HashSet<u64> = (0..pending.len())
        .filter(|&k| k != i && !used[k] && role(&pending[k]) == role(a))
        .map(|k| pending[k].line)
        .collect();
    let claimed = |j: usize| pending[j].line != a.line && rivals.contains(&pending[j].line);
    let envs: Vec<(usize, (Vec<String>, Vec<String>))> = (0..pending.len())
        .filter(|&j| j != i && !used[j] && role(&pending[j]) == second && pending[j].raw != a.raw && own(&pending[j]))
        .filter(|&j| !claimed(j))
        .map(|j| (j, env(&pending[j])))
        .collect();
    let cands: Vec<usize> =
        envs.iter().filter(|(_, e)| e.0 == ea.0 || e.0.is_empty() || ea.0.is_empty()).map(|(j, _)| *j).collect();
    let far: Vec<usize> = envs.iter().filter(|(_, e)| e.0 == ea.0 || e.1 != ea.1).map(|(j, _)| *j).collect();
    let dist = |j: usize| (pending[j].line as i64 - a.line as i64).unsigned_abs();
    let pick = |f: &dyn Fn(usize) -> bool| cands.iter().copied().filter(|&j| f(j)).min_by_key(|&j| dist(j));
    if pa.row.is_some() {
        // (A record of a table whose quoted fields span lines holds its other lines too.)
        let record = |f: &Finding| {
            pa.enclosing
                .first()
                .is_some_and(|&(back, ahead)| f.offset + back as u64 >= a.offset && f.offset < a.offset + ahead as u64)
        };
        return pick(&|j| {
            note(&pending[j]).is_some_and(|p| p.row == pa.row)
                || pending[j].line == a.line
                || pa.form == Form::Table && record(&pending[j])
        });
    }
    let generic = |j: usize| note(&pending[j]).is_some_and(|p| p.generic);
    // A partner on the password's own line first (`Password: v\nSecurity token: t` in one JSON
    // string), then a bare `token` on its own line or the next two.
    if let Some(j) = pick(&|j| dist(j) == 0 && pending[j].offset > a.offset) {
        return Some(j);
    }
    if let Some(j) = pick(&|j| generic(j) && dist(j) <= 2 && pending[j].line >= a.line) {
        return Some(j);
    }
    let all = cands.clone();
    let cands: Vec<usize> = cands.into_iter().filter(|&j| !generic(j)).collect();
    let pick = |f: &dyn Fn(usize) -> bool| cands.iter().copied().filter(|&j| f(j)).min_by_key(|&j| dist(j));
    let close = pick(&|j| note(&pending[j]).is_some_and(|p| p.block.is_some() && p.block == pa.block) && dist(j) <= 12)
        .or_else(|| pick(&|j| dist(j) <= 4 && note(&pending[j]).is_some_and(|p| p.row.is_none())));
    if close.is_some() {
        return close;
    }
    // (A bare `token` too where both are fields of name-value records, as a custom metadata
    // record's `<values><field>Token__c</field>…`: the record says whose fields they are.)
    // (And a password manager's entry: its login's `"password": "v"` and a custom field
    // `{"name": "token", "value": "t"}` in the entry's record.)
    let fields = |j: usize| {
        matches!(pa.form, Form::NameValue | Form::Assign { .. })
            && note(&pending[j]).is_some_and(|p| p.form == Form::NameValue)
    };
    let cands: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&j| if generic(j) { fields(j) } else { cands.contains(&j) && far.contains(&j) })
        .collect();
    let pick = |f: &dyn Fn(usize) -> bool| cands.iter().copied().filter(|&j| f(j)).min_by_key(|&j| dist(j));
    // The smallest record around it (an object or element of up to 40 lines) that holds a
    // partner and no other candidate of its own role: a Bitwarden item's login password and its
    // `Security Token` custom field.
    let enclosing = || {
        for &(back, ahead) in &pa.enclosing {
            let inside = |f: &Finding| f.offset + back as u64 >= a.offset && f.offset < a.offset + ahead as u64;
            if pending.iter().enumerate().any(|(k, f)| k != i && !used[k] && role(f) == role(a) && inside(f)) {
                return None;
            }
            if let Some(j) = pick(&|j| inside(&pending[j])) {
                return Some(j);
            }
        }
        None
    };
    enclosing()
        // The only two of a unit: one login's, or one app's. (A login's only in configuration:
        // in free text each message may be about another login; an app's secret is told by its
        // shape and its key by its prefix, so one of each is one app's wherever they are.)
        .or_else(|| {
            let configured =
                |f: &Finding| !login || note(f).is_some_and(|p| !matches!(p.form, Form::Prose | Form::Table));
            let (&[j], 1) = (cands.as_slice(), firsts) else { return None };
            (configured(a) && configured(&pending[j]) && dist(j) <= 40).then_some(j)
        })
        // In a conversation (a chat export, a ticket's thread) a password and the token given
        // a few messages after it, with no other password between, are one login's; not across
        // the records of an export.
        .or_else(|| {
            let talk = |f: &Finding| note(f).is_some_and(|p| !p.records && p.form != Form::Table);
            if !login || !talk(a) {
                return None;
            }
            // (A bare `token: t` too, in one of the next few lines: the next message.)
            let j = pick(&|j| pending[j].line > a.line && dist(j) <= 20 && talk(&pending[j]))
                .or_else(|| {
                    all.iter()
                        .copied()
                        .filter(|&j| generic(j) && pending[j].line > a.line && dist(j) <= 8 && talk(&pending[j]))
                        .min_by_key(|&j| dist(j))
                })
                // (Or a few lines before it, as work notes newest first tell it.)
                .or_else(|| pick(&|j| pending[j].line < a.line && dist(j) <= 8 && talk(&pending[j])))?;
            let (lo, hi) = (a.line.min(pending[j].line), a.line.max(pending[j].line));
            let between = |f: &Finding| f.line > lo && f.line < hi;
            let other = pending.iter().enumerate().any(|(k, f)| k != i && !used[k] && role(f) == role(a) && between(f));
            (!other).then_some(j)
        })
}

/// The pattern of a block's system values (see [`Layer::system_values`]) for these key names.
fn system_values_regex(keys: &[String]) -> anyhow::Result<regex::bytes::Regex> {
    let keys = keys.iter().map(|k| regex::escape(k)).collect::<Vec<_>>().join("|");
    Ok(regex::bytes::RegexBuilder::new(&format!(
        r#"(?i)(?:["'@]?\b((?:[a-z0-9]+[_.-])*(?:{keys}))\b["']?\s*(?:=>|=|:)\s*["']?([^"'\s,;{{}}<>\\][^"',;{{}}<>\n\\]{{0,119}})|\b(?:id|name|key)["']?\s*[:=]\s*["']({keys})["'][^{{}}]{{0,80}}?\bvalue["']?\s*[:=]\s*["']([^"'\n]{{1,120}})|(?m:^[ \t]*({keys})(?:\t[ \t]*| {{2,}})([^\s"'<>{{}}]{{1,120}}))|<(?:\w+:)?({keys})>([^<\n]{{1,120}})<|<(?:\w+:)?(?:key|name|id)>({keys})</[^>]{{1,40}}>\s*<(?:\w+:)?value\b[^>]{{0,80}}>([^<\n]{{1,120}})<)"#
    ))
    .unicode(false)
    .build()?)
}

#[cfg(test)]
mod tests {
    use super::{disowned, log_event, template_start, without_values};

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
    fn text_that_disowns_salesforce() {
        assert!(disowned(b"password (SN side, not Salesforce): "));
        assert!(disowned(b"pass for the non-SFDC box: "));
        assert!(!disowned(b"password (not rotated yet) for Salesforce: "));
        assert!(!disowned(b"Salesforce password: "));
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

    #[test]
    fn evidence_carries_no_values() {
        assert_eq!(
            without_values(
                "POST /services/oauth2/token?grant_type=password&client_id=3MVG9abc&client_secret=BB80F00D1234"
            ),
            "POST /services/oauth2/token?grant_type=…&client_id=…&client_secret=…"
        );
        assert_eq!(
            without_values("Salesforce(\"ops@acme.com\", \"Hunter2!\", token="),
            "Salesforce(\"…\", \"…\", token="
        );
        assert_eq!(without_values("\"salesforce\": {"), "\"salesforce\": {");
        assert_eq!(without_values("the key `sf > auth` names Salesforce"), "the key `sf > auth` names Salesforce");
        assert_eq!(
            without_values("url `login.salesforce.com` in its block"),
            "url `login.salesforce.com` in its block"
        );
        // A JSON string inside a JSON string: its escaped values go too.
        assert_eq!(without_values(r#""body": "{\"username\": \"svc@acme.com\", \""#).contains("svc@"), false);
        assert_eq!(without_values("url `https://ops:Hunter2@login.salesforce.com`"), "url `https://ops:…`");
    }
}
