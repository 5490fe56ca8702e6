//! Whether a value under a credential's key is a credential: written once for every syntax, per
//! role. A value that fails is silent whatever its key says.
//!
//! First what no credential is, whatever the role: empty values, placeholders and templates
//! (`<your password>`, `changeme`, `{{ sf_token }}`, `%(password)s`), references to variables,
//! vaults and secret stores (`${SF_PASSWORD}`, `os.environ[…]`, `vault:…`, `!Ref`,
//! `@Microsoft.KeyVault(…)`), encrypted values (`ENC(…)`, `{cipher}…`, `$ANSIBLE_VAULT`), masks
//! (`********`), code (`self.password`, `CONFIG['password']`, a bare name in source code), prose
//! and UI labels (`Enter your password`), paths, URLs and e-mail addresses. Then each role's shape:
//! a password has a letter and a digit or symbol, a security token is 24–25 random-looking
//! letters and digits, a consumer secret is 64 upper-case hex, 15–19 digits (legacy, only beside
//! its consumer key) or a long random string, and so on.

use super::shape::{is_placeholder, split_password_token};

/// The value checks a `[[role]]` can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    Password,
    PasswordWithToken,
    SecurityToken,
    ConsumerSecret,
    ConsumerKey,
    RefreshToken,
    AccessToken,
    Username,
}

impl Check {
    pub(crate) fn parse(name: &str) -> Option<Check> {
        Some(match name {
            "password" => Check::Password,
            "password-with-token" => Check::PasswordWithToken,
            "security-token" => Check::SecurityToken,
            "consumer-secret" => Check::ConsumerSecret,
            "consumer-key" => Check::ConsumerKey,
            "refresh-token" => Check::RefreshToken,
            "access-token" => Check::AccessToken,
            "username" => Check::Username,
            _ => return None,
        })
    }

    pub(crate) const NAMES: &'static [&'static str] = &[
        "password",
        "password-with-token",
        "security-token",
        "consumer-secret",
        "consumer-key",
        "refresh-token",
        "access-token",
        "username",
    ];
}

/// What a value turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Not a credential of this role.
    No,
    /// A credential of the role.
    Yes,
    /// Under a password's key, a password with its security token appended.
    WithToken,
    /// A token with the right prefix but a length a few characters off (cut short, or with a
    /// character glued on): reported at medium confidence.
    Misshapen,
    /// Counts only beside its partner (a legacy numeric consumer secret beside its `3MVG9` key).
    OnlyPaired,
}

fn has_upper(v: &[u8]) -> bool {
    v.iter().any(u8::is_ascii_uppercase)
}
fn has_lower(v: &[u8]) -> bool {
    v.iter().any(u8::is_ascii_lowercase)
}
fn has_digit(v: &[u8]) -> bool {
    v.iter().any(u8::is_ascii_digit)
}
fn has_symbol(v: &[u8]) -> bool {
    v.iter().any(|b| b.is_ascii_punctuation())
}

fn contains_ci(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.len() >= n.len() && hay.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// A consumer secret as Salesforce generates it: 64 upper-case hex digits.
pub(crate) fn secret_hex(t: &[u8]) -> bool {
    t.len() == 64 && t.iter().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(b))
}

/// A consumer secret of one of the exact shapes Salesforce generates: 64 upper-case hex digits
/// (with some randomness), or a legacy secret's 19 digits.
pub(crate) fn exact_secret(t: &[u8]) -> bool {
    (secret_hex(t) || (t.len() == 19 && t.iter().all(u8::is_ascii_digit)))
        && judge(Check::ConsumerSecret, t) == Verdict::Yes
}

/// Values that stand for a value: references, vault and secret-store lookups, encrypted values.
const REFERENCES: &[&str] = &[
    "${",
    "{{",
    "((",
    "#{",
    "<%",
    "$(",
    "%(",
    "env:",
    "env(",
    "env[",
    "env.",
    "getenv",
    "environ",
    "process.env",
    "system.getenv",
    "environment.",
    "vault:",
    "vault(",
    "ssm:",
    "secretsmanager",
    "arn:aws:",
    "!ref",
    "!sub",
    "!getatt",
    "@microsoft.keyvault",
    "keyvault",
    "lookup(",
    "secret(",
    "secrets.",
    "credentials(",
    "enc(",
    "enc:",
    "{cipher}",
    "$ansible_vault",
    "!vault",
    "vault:v1:",
    "enc[aes",
    "sops:",
    "ref+",
    "projects/",
    "/secrets/",
    "secret/",
    "op://",
    "bws://",
    "aws-sm:",
    "azurekeyvault",
    "getsecret",
    "secretkeyref",
    "valuefrom",
    "fromsecret",
];

/// Commands that print a value (see `not_a_value`).
const COMMANDS: &[&str] =
    &["cat ", "echo ", "printf ", "security find-", "aws ", "gcloud ", "az ", "vault ", "op read", "pass show "];

/// Prefixes of values a tool obfuscated or encrypted (see `not_a_value`).
const OBFUSCATED: &[&str] = &[
    "encrypted ",
    "#!",
    "$7$",
    "$6$",
    "{xor}",
    "{aes}",
    "{aes256}",
    "obf:",
    "crypt:",
    // A Windows DPAPI blob in base64 (SSIS `Encrypted="1"`, .NET `ProtectedData`), lower-cased.
    "aqaaancmnd8bfderjhoawe/cl+s",
];

/// Values that are a word for "no value here".
const EMPTY_WORDS: &[&str] = &[
    "none",
    "null",
    "nil",
    "undefined",
    "n/a",
    "na",
    "tbd",
    "todo",
    "true",
    "false",
    "yes",
    "no",
    "empty",
    "unset",
    "blank",
    "secret",
    "password",
    "token",
    "pass",
    "pwd",
    "changeme",
    "change_me",
    "change-me",
    "changeit",
    "test1234",
    "test123",
    "testtest",
    "admin123",
    "qwerty",
    "qwerty123",
    "abc123",
    "letmein",
    "foobar",
    "default",
    "redacted",
    "hidden",
    "masked",
    "omitted",
    "removed",
    "unknown",
    "required",
    "optional",
    "string",
    "str",
    "text",
    "value",
    "foo",
    "bar",
    "baz",
    "test",
    "testing",
    "admin",
    "root",
];

/// Words of prose and UI text: a value made of several words with one of these is a sentence.
const PROSE_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "is",
    "are",
    "be",
    "to",
    "for",
    "of",
    "your",
    "you",
    "and",
    "or",
    "with",
    "enter",
    "please",
    "use",
    "from",
    "in",
    "on",
    "must",
    "not",
    "this",
    "that",
    "here",
    "see",
    "will",
    "can",
    "should",
    "which",
    "when",
    "if",
    "it",
    "as",
    "by",
    "at",
    "our",
    "we",
    "user",
    "users",
    "field",
    "specify",
    "provide",
    "set",
    "new",
    "old",
    "stored",
    "kept",
    "lives",
    // The same words in the languages of the exports people keep (`siehe Passwort-Safe`, `voir
    // Keeper`, `ver el gestor`).
    "siehe",
    "im",
    "der",
    "die",
    "das",
    "und",
    "oder",
    "mit",
    "nicht",
    "kein",
    "keine",
    "hinterlegt",
    "voir",
    "le",
    "la",
    "les",
    "dans",
    "et",
    "ou",
    "pas",
    "ver",
    "el",
    "los",
    "en",
    "y",
    "con",
    "vedi",
    "il",
    "nel",
    "zie",
    "het",
    "een",
    "niet",
    // Where the value is kept instead: a password manager or a safe.
    "keepass",
    "keeper",
    "lastpass",
    "1password",
    "bitwarden",
    "vault",
    "safe",
    "tresor",
    "coffre",
    "cofre",
    "passwort-safe",
    "password-safe",
    "passwortsafe",
];

/// Whether a value is no credential of any role (see the module docs). `quoted`: it was a string
/// literal; `code`: the file is source code, where an unquoted value is an expression.
pub(crate) fn not_a_value(v: &[u8], quoted: bool, code: bool) -> bool {
    let t = v.trim_ascii();
    if t.len() < 4 || t.len() > 512 {
        return true;
    }
    if is_placeholder(t) {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    static REFS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    if REFS.get_or_init(|| aho_corasick::AhoCorasick::new(REFERENCES).expect("literal references")).is_match(&lower) {
        return true;
    }
    if EMPTY_WORDS.iter().any(|w| lower == w.as_bytes()) {
        return true;
    }
    // A command that prints it (`` `cat ~/.sf_pass` ``, `$(security find-generic-password …)`), or
    // a value the tool that stores it obfuscated or encrypted (Kettle's `Encrypted 2be98afc…`,
    // TIBCO's `#!…`, Splunk's `$7$…`, WebSphere's `{xor}…`, Jetty's `OBF:…`).
    static PREFIXES: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let prefixes = PREFIXES.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(COMMANDS.iter().chain(OBFUSCATED))
            .expect("literal prefixes")
    });
    if prefixes.is_match(aho_corasick::Input::new(&lower).anchored(aho_corasick::Anchored::Yes)) {
        return true;
    }
    // `$SF_PASSWORD`, `$env:X`, `%SF_PASSWORD%`, `@sf_password`, `:password` (Ruby symbols).
    let first = t[0];
    let ident = |s: &[u8]| !s.is_empty() && s.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b':');
    // `$$SFDC_Pwd_UAT`: an Informatica parameter, a `$$` escape of a make or compose variable.
    if matches!(first, b'$' | b'@' | b':') && ident(&t[t.iter().take_while(|&&b| b == b'$').count().min(t.len())..]) {
        return true;
    }
    // Fernet ciphertext (Airflow's connections, Python's `cryptography`): a version byte 0x80 and
    // a timestamp, base64url: `gAAAAAB…`.
    if t.len() >= 60 && t.starts_with(b"gAAAAA") {
        return true;
    }
    // Interpolated variables only: `$_kDemoPass$_kDemoToken` (Dart, Kotlin, shell).
    if first == b'$' && t.split(|&b| b == b'$').skip(1).all(|v| ident(v) && v[0] != b':') {
        return true;
    }
    if first == b'%' && t.last() == Some(&b'%') {
        return true;
    }
    // SAS and batch macro variables only: `&sf_pw.&sf_tok`, `&&pw` (a `.` ends a name).
    if first == b'&'
        && t.split(|&b| b == b'&').filter(|v| !v.is_empty()).all(|v| ident(v.strip_suffix(b".").unwrap_or(v)))
    {
        return true;
    }
    // A value cut short where it was printed (PHP's stack trace shows 15 characters and `...`):
    // not the credential, and where it was printed is not where it is kept.
    if t.len() > 3 && (t.ends_with(b"...") || t.ends_with("…".as_bytes())) && !t[..t.len() - 3].ends_with(b".") {
        return true;
    }
    // A file's path (`\\Users\\mig\\.dataloader\\dataLoader.key` after a drive's `c:` read as a
    // separator, `/etc/sf/password.txt`): a separator first and two more of it.
    if matches!(first, b'/' | b'\\') && t.iter().filter(|&&b| b == first).count() >= 3 && !t.contains(&b' ') {
        return true;
    }
    // A format string's conversion: `%s&username=%s` (a request body before formatting, in a
    // binary's strings), `%(password)s`, `%1$s`, `%v`.
    if first == b'%' {
        let mut i = 1;
        if t.get(1) == Some(&b'(') {
            i = t.iter().position(|&b| b == b')').map_or(t.len(), |j| j + 1);
        }
        while i < t.len() && (t[i].is_ascii_digit() || matches!(t[i], b'$' | b'-' | b'.' | b'+')) {
            i += 1;
        }
        if t.get(i).is_some_and(|c| b"sdvqrfxi".contains(c)) && t.get(i + 1).is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            return true;
        }
    }
    // A path under a variable: `$PMRootDir/secure/sfdc_uat.pwd`, `%APPDATA%\\sf\\token.txt`.
    let root = t.iter().skip(1).position(|&b| matches!(b, b'/' | b'\\')).map(|i| &t[1..i + 1]);
    if matches!(first, b'$' | b'%') && root.is_some_and(|r| ident(r.strip_suffix(b"%").unwrap_or(r))) {
        return true;
    }
    // Masks: `********`, `xxxxxx`, `••••`, `#####`.
    if t.iter().all(|&b| matches!(b, b'*' | b'x' | b'X' | b'#' | b'.' | b'-' | b'?' | b'_'))
        || t.starts_with("•".as_bytes())
    {
        return true;
    }
    if lower.windows(3).any(|w| w == b"***") {
        return true;
    }
    // Paths (`C:\\dataloader\\conf\\key`, too), URLs, e-mail addresses.
    let drive = t.len() > 3 && t[0].is_ascii_alphabetic() && t[1] == b':' && t[2] == b'\\';
    // A relative path to a file: `conf/dataloader.key`, `secrets/sf.pwd`.
    let ext = t.iter().rposition(|&b| b == b'.').map(|i| &t[i + 1..]).unwrap_or(b"");
    let file = t.contains(&b'/')
        && (2..=4).contains(&ext.len())
        && ext.iter().all(u8::is_ascii_lowercase)
        && t.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'_' | b'-'));
    if memchr::memmem::find(t, b"://").is_some()
        || t.starts_with(b"/")
        || t.starts_with(b"~/")
        || t.starts_with(b"./")
        || drive
        || file
    {
        return true;
    }
    if t.contains(&b'@') && t.iter().filter(|&&b| b == b'.').count() >= 1 && !t.contains(&b' ') && email_like(t) {
        return true;
    }
    // A statement's `;` is no part of an unquoted value in code (`options.passphrase;`).
    let t = if code && !quoted { t.strip_suffix(b";").unwrap_or(t) } else { t };
    if t.is_empty() {
        return true;
    }
    // Code: `self.password`, `CONFIG['password']`, `cfg.sf.password`, `getPassword()`.
    if code_expression(t) || (code && !quoted && identifier(t)) {
        return true;
    }
    // In code, R's `params$sf_pass` and `creds$password` pick a list's member.
    if code && !quoted {
        if let Some(d) = t.iter().position(|&b| b == b'$') {
            let name = |s: &[u8]| identifier(&s.iter().copied().filter(|&b| b != b'.').collect::<Vec<u8>>());
            if d > 0 && name(&t[..d]) && name(&t[d + 1..]) {
                return true;
            }
        }
    }
    // In code, a keyword argument or an assignment read as the value of a call named for
    // passwords (`SalesforcePasswordAuth(db_alias=self.alias,`): a name, `=`, a chain of names.
    if code && !quoted {
        if let Some(eq) = t.iter().position(|&b| b == b'=') {
            let chain = |s: &[u8]| !s.is_empty() && s.split(|&b| b == b'.').all(identifier);
            if identifier(&t[..eq]) && chain(&t[eq + 1..]) {
                return true;
            }
        }
    }
    // In code, a variable (`$sf_pass`, `@password`), an expression of them (`$p . $t`, `a + b`)
    // or an index into one (`results[0`, cut where the value was).
    if code
        && !quoted
        && (matches!(first, b'$' | b'@')
            || t.iter().any(|b| matches!(b, b'[' | b']' | b'{' | b'}'))
            || memchr::memmem::find(t, b" . ").is_some()
            || memchr::memmem::find(t, b" + ").is_some())
    {
        return true;
    }
    // An expression cut where a bare value ends: `CONFIG[`, `getattr(`, `settings.`.
    if !quoted
        && (matches!(t.last(), Some(b'[' | b'(' | b','))
            || (code && t.last() == Some(&b'.'))
            || memchr::memmem::find(t, b"['").is_some()
            || memchr::memmem::find(t, b"[:").is_some()
            || memchr::memmem::find(t, b"[\"").is_some())
    {
        return true;
    }
    if code_fragment(t, quoted, code) || markup_or_label(t) {
        return true;
    }
    // Prose and UI labels.
    if t.contains(&b' ') {
        let words: Vec<&[u8]> = t.split(|&b| b == b' ').filter(|w| !w.is_empty()).collect();
        if words.len() > 4 || words.iter().any(|w| PROSE_WORDS.iter().any(|p| w.eq_ignore_ascii_case(p.as_bytes()))) {
            return true;
        }
        // A title of capitalised words (`CRM Integrations`, `Web Quotes`) names a thing: a vault,
        // an app, a connection.
        if words.iter().all(|w| w[0].is_ascii_uppercase() && w.iter().all(u8::is_ascii_alphabetic)) {
            return true;
        }
    }
    false
}

/// Type names, as schemas and API descriptions write them where a value would be
/// (`password: '?string'`, `"token": "String"`, `secret: string[]`).
const TYPE_WORDS: &[&str] = &[
    "string",
    "str",
    "boolean",
    "bool",
    "number",
    "int",
    "integer",
    "long",
    "double",
    "float",
    "date",
    "datetime",
    "object",
    "any",
    "array",
    "text",
    "char",
    "varchar",
    "void",
    "null",
    "undefined",
    "bytes",
    "binary",
];

/// Pieces of code that are no literal: a call (`u(e)`, `grid.createText(6, …)`, `function(e`), a
/// string being joined (`"+u(e)+"`, `'+pw`), a chain (`.concat(…`, `results[0].Id`,
/// `options[:store].pwd`), or the rest of an argument list (`, verbose`). `quoted` values are
/// string literals, where only a join of quotes still gives code away.
fn code_fragment(t: &[u8], quoted: bool, code: bool) -> bool {
    let joins = t.starts_with(b"\"+") || t.starts_with(b"'+") || t.ends_with(b"+\"") || t.ends_with(b"+'");
    if joins || (!quoted && code && (t.starts_with(b"+") || t.ends_with(b"+"))) {
        return true;
    }
    // Whatever the quoting: a function (`function(e`), a join on both sides (`+u(e)+`), a method
    // chained on (`.concat(Vt(r),`), an argument list (`, verbose = FALSE`, `(user_id = …`).
    let chained =
        t[0] == b'.' && t[1..].iter().position(|&b| b == b'(').is_some_and(|o| o > 0 && identifier(&t[1..1 + o]));
    if t.starts_with(b"function(")
        || t.starts_with(b"function (")
        || (t.len() > 2 && t.starts_with(b"+") && t.ends_with(b"+"))
        || chained
        || t.starts_with(b", ")
        || (t[0] == b'(' && t.len() > 2 && t[1].is_ascii_alphabetic() && t.contains(&b'=') && t.contains(&b' '))
    {
        return true;
    }
    if quoted {
        return false;
    }
    if matches!(t[0], b'.' | b',' | b')' | b']' | b';') && t.len() > 1 && (t[1].is_ascii_alphabetic() || t[1] == b' ') {
        return true;
    }
    for w in [&b"]."[..], b").", b")[", b"](", b"=>", b"){", b") {"] {
        if memchr::memmem::find(t, w).is_some() {
            return true;
        }
    }
    // `name(`: in source code, a call (closed in the value or cut where the value was cut);
    // elsewhere, a method call (`a.b(`) or a call on names only (`authorize(code)`).
    let mut i = 0;
    while let Some(open) = t[i..].iter().position(|&b| b == b'(').map(|o| o + i) {
        let mut s = open;
        while s > 0 && (t[s - 1].is_ascii_alphanumeric() || matches!(t[s - 1], b'_' | b'$' | b'.' | b'#')) {
            s -= 1;
        }
        let name = &t[s..open];
        if !name.is_empty() && name[0].is_ascii_alphabetic() {
            let close = t[open..].iter().position(|&b| b == b')').map(|c| c + open);
            let args = &t[open + 1..close.unwrap_or(t.len())];
            let names_only = args.iter().all(|&b| b.is_ascii_alphabetic() || matches!(b, b'_' | b'.' | b',' | b' '));
            if code || name.contains(&b'.') || name.contains(&b'$') || (close.is_some() && names_only) {
                return true;
            }
        }
        i = open + 1;
    }
    false
}

/// Markup and labels: an attribute (`class="`), a closing tag, a type name (`?string`), a scoped
/// package (`@salesforce/core`), a label or selector (`Password:`, `persistentDomain:`), or one
/// lower-case word ending a sentence (`changed.`).
fn markup_or_label(t: &[u8]) -> bool {
    if memchr::memmem::find(t, b"=\"").is_some()
        || memchr::memmem::find(t, b"='").is_some()
        || memchr::memmem::find(t, b"</").is_some()
    {
        return true;
    }
    let core = t.strip_prefix(b"?").unwrap_or(t);
    let core = core
        .strip_suffix(b"[]")
        .or_else(|| core.strip_suffix(b"?"))
        .or_else(|| core.strip_suffix(b"!"))
        .unwrap_or(core);
    if TYPE_WORDS.iter().any(|w| core.eq_ignore_ascii_case(w.as_bytes())) {
        return true;
    }
    if t[0] == b'@' {
        if let Some(slash) = t.iter().position(|&b| b == b'/') {
            let ok = |s: &[u8]| {
                !s.is_empty()
                    && s.iter()
                        .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'_'))
            };
            if ok(&t[1..slash]) && ok(&t[slash + 1..]) {
                return true;
            }
        }
    }
    // A command or a name path: `force:user:create`, `data:bulk:results`.
    let parts: Vec<&[u8]> = t.split(|&b| b == b':').collect();
    if parts.len() >= 2 && parts.iter().all(|p| p.len() >= 2 && p.iter().all(u8::is_ascii_lowercase)) {
        return true;
    }
    let (body, last) = (&t[..t.len() - 1], t[t.len() - 1]);
    if matches!(last, b':' | b'=') && identifier(body) && !has_digit(body) {
        return true;
    }
    matches!(last, b'.' | b',' | b';' | b':') && body.iter().all(u8::is_ascii_lowercase)
}

fn email_like(t: &[u8]) -> bool {
    let Some(at) = t.iter().position(|&b| b == b'@') else { return false };
    let domain = &t[at + 1..];
    // Labels of a host name, the last one (the top-level domain) two letters or more: not
    // `vuNu@6vEjAMz.H` or `RxQ@.WFfW.8v9`, passwords with an `@`.
    let tld = domain.rsplit(|&b| b == b'.').next().unwrap_or(b"");
    at > 0
        && domain.contains(&b'.')
        && domain.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
        && domain.split(|&b| b == b'.').all(|l| !l.is_empty())
        && tld.len() >= 2
        && tld.iter().all(u8::is_ascii_alphabetic)
}

/// A name: letters, digits and `_`, starting with a letter or `_`.
fn identifier(t: &[u8]) -> bool {
    t.first().is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_')
        && t.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// An expression that reads a value: `a.b.c`, `a['b']`, `a["b"]`, `a(b)`, `this.x`, `self.x`.
fn code_expression(t: &[u8]) -> bool {
    // A call on a name or a chain of names: `getPassword()`, `Joi.string().required()`.
    if let Some(open) = t.iter().position(|&b| b == b'(') {
        let head = &t[..open];
        if t.ends_with(b")") && !head.is_empty() && head.split(|&b| b == b'.').all(|p| !p.is_empty() && identifier(p)) {
            return true;
        }
    }
    if let Some(i) = t.iter().position(|&b| b == b'[') {
        if i > 0 && identifier(&t[..i]) && t.ends_with(b"]") {
            return true;
        }
    }
    let lower = t.to_ascii_lowercase();
    if lower.starts_with(b"self.")
        || lower.starts_with(b"this.")
        || lower.starts_with(b"settings.")
        || lower.starts_with(b"config.")
    {
        return true;
    }
    // `a.b` and `a.b.c` made of names (no digits, so `Sunset2023.x` stays a candidate).
    t.contains(&b'.')
        && !t.ends_with(b".")
        && t.split(|&b| b == b'.').all(|p| !p.is_empty() && identifier(p))
        && !has_digit(t)
}

fn longest_run(s: &[u8]) -> usize {
    let (mut best, mut cur) = (0, 0);
    for i in 0..s.len() {
        cur = if i > 0 && s[i] == s[i - 1] { cur + 1 } else { 1 };
        best = best.max(cur);
    }
    best
}

/// `ThisIsAnIdentifier`: capitals only at the start of lower-case runs of 2 or more, no digits.
fn camel_words(t: &[u8]) -> bool {
    if has_digit(t) {
        return false;
    }
    let mut i = 0;
    while i < t.len() {
        if !t[i].is_ascii_uppercase() && i == 0 {
            // camelCase: the first word is lower case. (Anything else first is no identifier;
            // without this check a value starting `_` or `.` looped here for ever.)
            if !t[0].is_ascii_lowercase() {
                return false;
            }
            while i < t.len() && t[i].is_ascii_lowercase() {
                i += 1;
            }
            continue;
        }
        if !t[i].is_ascii_uppercase() {
            return false;
        }
        let s = i + 1;
        let mut j = s;
        while j < t.len() && t[j].is_ascii_lowercase() {
            j += 1;
        }
        // Words of two letters or more, or the one-letter words `A` and `I`.
        if j == s && !(matches!(t[i], b'A' | b'I') && j < t.len()) {
            return false;
        }
        i = j;
    }
    true
}

/// A password a person or an integration would set.
fn password(t: &[u8]) -> bool {
    if t.len() < 6 || t.len() > 128 {
        return false;
    }
    // Data Loader's ciphertext is hex.
    if t.len() >= 16 && t.iter().all(u8::is_ascii_hexdigit) {
        return false;
    }
    // Base64 blobs (encrypted values, keys) are not passwords.
    if t.len() >= 40
        && t.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
        && t.ends_with(b"=")
    {
        return false;
    }
    // The word itself as documentation spells a sample password (`Pa$$w0rd!`, `P@ssw0rd1`); a
    // longer password built on it (`Passw0rd6Vandelay.`) is a person's.
    let plain: Vec<u8> = t
        .iter()
        .map(|&b| match b {
            b'$' | b'5' => b's',
            b'0' => b'o',
            b'@' | b'4' => b'a',
            _ => b.to_ascii_lowercase(),
        })
        .collect();
    let trailing = plain.iter().rev().take_while(|b| !b.is_ascii_alphabetic()).count();
    if &plain[..plain.len() - trailing] == b"password" {
        return false;
    }
    for w in ["password", "passwd", "secret", "changeme", "example", "sample", "placeholder"] {
        if contains_ci(t, w) {
            return false;
        }
    }
    // Three words or more: a passphrase (`battery horse sunset7`), or text.
    if t.split(|&b| b == b' ').count() >= 3 {
        return super::shape::passphrase(t);
    }
    // Words of one case joined by `-`, `_`, `:`, `.` or `+`, no digit (`kept-open`, `NOT-REPRO`,
    // `closed:stale`, `PASS+TOKEN`): a state, a slug or a placeholder. (Salesforce's default
    // password policy asks for a number, too.)
    let joiner = |b: &u8| matches!(b, b'-' | b'_' | b':' | b'.' | b'+');
    if !has_digit(t) && t.iter().all(|b| b.is_ascii_alphabetic() || joiner(b)) && (!has_upper(t) || !has_lower(t)) {
        return false;
    }
    // An identifier of words (`fillInFirstNameTest`, a test's name after `Pass:`).
    if camel_words(t) {
        return false;
    }
    let letters = t.iter().any(u8::is_ascii_alphabetic);
    letters && (has_digit(t) || has_symbol(t) || (t.len() >= 16 && has_upper(t) && has_lower(t)))
}

/// Judges a normalised value under a key of the role whose check is `check`.
pub(crate) fn judge(check: Check, v: &[u8]) -> Verdict {
    let t = v.trim_ascii();
    let yes = |b: bool| if b { Verdict::Yes } else { Verdict::No };
    match check {
        Check::Password | Check::PasswordWithToken => {
            if let Some((pw, _)) = split_password_token(t) {
                if pw.len() >= 4 && (has_symbol(pw) || has_digit(pw) || pw.len() >= 6) {
                    return Verdict::WithToken;
                }
            }
            if check == Check::PasswordWithToken {
                return Verdict::No;
            }
            yes(password(t))
        }
        Check::SecurityToken => yes((t.len() == 24 || t.len() == 25)
            && !camel_words(t)
            && (super::shape::token_ok(t)
                || (t.iter().all(u8::is_ascii_alphanumeric)
                    && has_upper(t)
                    && has_lower(t)
                    && longest_run(t) < 5
                    && super::shape::entropy(t) >= 3.5))),
        Check::ConsumerSecret => {
            if (15..=19).contains(&t.len()) && t.iter().all(u8::is_ascii_digit) {
                return if t.len() == 19 && longest_run(t) < 6 {
                    Verdict::Yes
                } else if longest_run(t) < 6 {
                    Verdict::OnlyPaired
                } else {
                    Verdict::No
                };
            }
            if secret_hex(t) {
                return yes(super::shape::entropy(t) >= 3.0);
            }
            // Lower-case hex of digest lengths is a hash.
            if t.iter().all(u8::is_ascii_hexdigit) && matches!(t.len(), 32 | 40 | 64 | 128) && !has_upper(t) {
                return Verdict::No;
            }
            yes((32..=128).contains(&t.len())
                && t.iter().all(|&b| b.is_ascii_alphanumeric() || b"._~+/=-".contains(&b))
                && has_upper(t)
                && has_lower(t)
                && has_digit(t)
                && super::shape::entropy(t) >= 4.0)
        }
        Check::ConsumerKey => yes(t.starts_with(b"3MVG9")
            && t.len() >= 40
            && t.iter().all(|&b| b.is_ascii_alphanumeric() || b"._".contains(&b))),
        Check::RefreshToken => {
            let body = t.strip_prefix(b"5Aep861");
            match body {
                Some(b) if b.iter().all(|&c| c.is_ascii_alphanumeric() || b"._=".contains(&c)) => {
                    let exact = b.len() == 80 || (b.len() == 72 && b.ends_with(b"=="));
                    if exact {
                        Verdict::No // the refresh-token rule's own
                    } else if (70..=88).contains(&b.len()) {
                        Verdict::Misshapen
                    } else {
                        Verdict::No
                    }
                }
                _ => Verdict::No,
            }
        }
        Check::AccessToken => {
            if !t.starts_with(b"00D") || t.len() < 20 {
                return Verdict::No;
            }
            let Some(bang) = t.iter().position(|&b| b == b'!') else { return Verdict::No };
            let payload = &t[bang + 1..];
            if bang != 15 || !payload.iter().all(|&c| c.is_ascii_alphanumeric() || b"._".contains(&c)) {
                return Verdict::No;
            }
            if payload.len() == 96 {
                Verdict::No // the access-token rule's own
            } else if (88..=104).contains(&payload.len()) {
                Verdict::Misshapen
            } else {
                Verdict::No
            }
        }
        Check::Username => yes(t.len() <= 128 && !t.contains(&b' ')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_that_stands_for_a_value_is_one() {
        for v in [
            "${SF_PASSWORD}",
            "{{ sf_token }}",
            "%(password)s",
            "%s&username=%s",
            "%1$s@%2$s",
            "\\Users\\mig\\.dataloader\\dataLoader.key",
            "/etc/sf/password.txt",
            "os.environ['SF_PASSWORD']",
            "process.env.SF_TOKEN",
            "ENV.fetch('SF_PASSWORD')",
            "vault:secret/sf#password",
            "!Ref SfPassword",
            "((sf-password))",
            "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/sf)",
            "ENC(k3j4h5g6)",
            "{cipher}a1b2c3d4e5",
            "$ANSIBLE_VAULT;1.1;AES256",
            "gAAAAABOttSBYmuhA+Fb2f0AXuxqGEUNb+bqZyR/I20CXqmTVoPehBvNj2I7yRuEbNZ",
            "$_kDemoPass$_kDemoToken",
            "$PMRootDir/secure/sfdc_uat.pwd",
            "C:\\dataloader\\conf\\dataLoader.key",
            "conf/dataloader.key",
            "cat ~/.sf_pass",
            "test1234",
            "Encrypted 2be98afc86aa7f2e4039fe3ab962525d2bff094173b9a3c1f71c",
            "#!gATLotz8L5xAzCqFGJSGURvf4SiduFN6cEzQJSnAXWGWnNt6JRRo7UQ=",
            "$7$tWuW2YLVuxWgUS19BK6uoZg62udRE0lGU1BOWfNf21y3TCNtjQ==",
            "{xor}LDo8LTor",
            "OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v",
            "AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAAfc9yNtOo4AcwaMkGCCeUV0iuQRaG0vfcar1T0H1AQWmF",
            "%APPDATA%\\sf\\token.txt",
            "********",
            "[REDACTED]",
            "<your password>",
            "changeme",
            "self.password",
            "CONFIG['password']",
            "cfg.sf.password",
            "getPassword()",
            "Enter your password",
            "siehe Passwort-Safe",
            "voir Keeper",
            "in KeePass",
            "CRM Integrations",
            "$SF_PASSWORD",
            "%SF_PASSWORD%",
            // SAS macro variables; a value a stack trace cut short.
            "&sf_pw.&sf_tok",
            "&&SF_PASSWORD",
            "Autumn2021*UL0o...",
            "Autumn2021*UL0o…",
            "none",
            "",
        ] {
            assert!(not_a_value(v.as_bytes(), true, false), "{v}");
        }
        // A password a person chose with an underscore early on is still one.
        assert!(!not_a_value(b"gh_Winter2024!", true, false));
        assert!(not_a_value(b"sf_password", false, true), "a name in code");
        // Code, markup and labels met in real repositories' history (minified bundles, docs).
        for (v, quoted, code) in [
            ("\"+u(e)+\"", false, false),
            (".concat(Vt(r),", false, true),
            ("function(e", false, true),
            ("grid.createText(6, SWT.PASSWORD | SWT.BORDER, \"\")", false, true),
            ("f.auth.slice(l + 1)", false, true),
            ("ensure(pw)", false, true),
            ("results[0].Id, password", false, true),
            ("options[:config_store].for_pwd", false, true),
            (", verbose", false, false),
            (" class=", false, false),
            (" class=\"tsd-kind-icon\" viewBox=", false, false),
            ("?string", true, true),
            ("?boolean", true, false),
            ("String", true, false),
            ("@salesforce/core", false, false),
            ("persistentDomainForName:", false, false),
            ("changed.", false, false),
            ("+u(e)+", true, false),
            (".concat(Vt(r),", true, false),
            ("function(t", true, false),
            (", verbose = FALSE", true, false),
            ("(user_id = <span class=", true, false),
            ("results[0", false, true),
            ("options.passphrase;", false, true),
            ("options[:config_store", false, true),
            ("force:user:create", true, false),
            ("db_alias=self.alias", false, true),
            ("domain=settings.SF_DOMAIN", false, true),
        ] {
            assert!(not_a_value(v.as_bytes(), quoted, code), "{v}");
        }
        // Symbols in a literal are a password's, not code: `(`, `+` and `.` inside.
        for v in ["Pa(ss)w0rd", "Hunter2+", "S3cr3t.Pass", "x(9Kq2!", "Winter2024!"] {
            assert!(!not_a_value(v.as_bytes(), true, false), "{v}");
            assert!(!not_a_value(v.as_bytes(), true, true), "{v} in code");
        }
        // An `@` in a password is no address: no host name after it.
        for v in ["vuNu@6vEjAMz.H", "RxQ@.WFfW.8v9", "Kx@9.v2"] {
            assert!(!not_a_value(v.as_bytes(), true, false), "{v}");
        }
        assert!(not_a_value(b"ops@acme-corp.com", true, false));
        // Outside code, or quoted, `name=word` may be a password.
        assert!(!not_a_value(b"Tiger=Lily7", false, false) && !not_a_value(b"Tiger=Lily7", true, true));
        for v in ["Hunter2!", "Winter2024#", "correct horse battery", "kBIKcOX7mRaEAR4KRB40eiPX"] {
            assert!(!not_a_value(v.as_bytes(), true, false), "{v}");
        }
    }

    #[test]
    fn roles_have_shapes() {
        assert_eq!(judge(Check::Password, b"Hunter2!"), Verdict::Yes);
        assert_eq!(judge(Check::Password, b"Specify"), Verdict::No);
        assert_eq!(judge(Check::Password, b"kept-open"), Verdict::No);
        assert_eq!(judge(Check::Password, b"NOT-REPRO"), Verdict::No);
        assert_eq!(judge(Check::Password, b"Kept-Open"), Verdict::Yes);
        assert_eq!(judge(Check::Password, b"PASS+TOKEN"), Verdict::No);
        assert_eq!(judge(Check::Password, b"fillInFirstNameTest"), Verdict::No);
        assert_eq!(judge(Check::Password, b"battery horse sunset7"), Verdict::Yes);
        assert_eq!(judge(Check::Password, b"see the vault 7"), Verdict::No);
        // Documentation's sample passwords.
        assert_eq!(judge(Check::Password, b"Pa$$w0rd!"), Verdict::No);
        assert_eq!(judge(Check::Password, b"P@ssw0rd1"), Verdict::No);
        assert_eq!(judge(Check::Password, b"Passw0rd6Vandelay."), Verdict::Yes);
        assert_eq!(judge(Check::Password, b"Hunter2!exz9e2axKQfrJomvqftIJh0I"), Verdict::WithToken);
        assert_eq!(judge(Check::SecurityToken, b"kBIKcOX7mRaEAR4KRB40eiPX"), Verdict::Yes);
        assert_eq!(judge(Check::SecurityToken, b"ThisIsAVeryLongIdentifie"), Verdict::No);
        // A value that starts with neither letter nor digit is no identifier (it once looped for ever).
        assert!(!camel_words(b"_abcDefGhi"));
        assert!(!camel_words(b".abcDefGhi"));
        assert_eq!(judge(Check::ConsumerSecret, b"1136424568944319462"), Verdict::Yes);
        assert_eq!(judge(Check::ConsumerSecret, b"680142568944319484"), Verdict::OnlyPaired);
        assert_eq!(
            judge(
                Check::RefreshToken,
                b"5Aep8610tPsf8ahmTGQduyl23zvEC_BVu226UAN49lBzokTuowA3y2dsIKUYb96IT.rnsCT6WgPGk77Sm"
            ),
            Verdict::Misshapen
        );
    }
}
