//! Reading keys: what a key says its value is (the **role**: password, security token, consumer
//! secret, …) and whose it is (the **vendor**: Salesforce, a database, another SaaS). The words
//! are data (`rules/context.toml`, `[vocabulary]`, `[[role]]`, `[[vendor]]`), so a user's rule file
//! can add a spelling, a role's word or a vendor without touching Rust.
//!
//! Keys are split into lower-case words at every separator and case change (`SF_SecurityKey` →
//! `sf security key`, `SFDCPassword` → `sfdc password`), and run-together words are split when
//! the vocabulary knows every part (`sfdcpassword` → `sfdc password`, `securitytoken` →
//! `security token`; `compass` and `passport` stay whole).

use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// One role as written in TOML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSpec {
    pub id: String,
    /// Phrases that name the role in any key.
    #[serde(default)]
    pub words: Vec<String>,
    /// Phrases that name it only in a key that also names Salesforce (`sfdc.token`).
    #[serde(default)]
    pub vendor_words: Vec<String>,
    /// The value check (see `plausible`).
    pub value: String,
}

/// One vendor as written in TOML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorSpec {
    pub id: String,
    pub words: Vec<String>,
    /// Prefixes the vendor puts on its tokens (`ghp_`, `xoxb-`, `sk_live_`): a value that starts
    /// with one is that vendor's credential, whatever key holds it.
    #[serde(default)]
    pub prefixes: Vec<String>,
}

/// Literal patterns that are Salesforce context (see `scope`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextPatterns {
    /// What the evidence calls a hit: `Salesforce client library`, `Salesforce host or API`, …
    pub kind: String,
    /// Only as whole words (`sfdc` but not `xsfdcx`).
    #[serde(default)]
    pub word: bool,
    pub patterns: Vec<String>,
}

/// A pair of roles that make one credential (`[[pair]]` in TOML).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairSpec {
    /// The rule the pair is reported as.
    pub rule: String,
    /// The role reported (its location is the finding's) and its partner (a related location).
    pub roles: [String; 2],
}

/// A client library's login call that takes credentials by position (`[[login_call]]` in TOML):
/// `force.Create(version, clientId, clientSecret, user, password, token, env)` in go-force.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginCallSpec {
    /// The call's name up to its parenthesis (`login(`, `force.Create(`), matched at the end of
    /// the text before the arguments, ignoring case. The longest match decides. It must also be
    /// an anchor of a context rule, or the call is never looked at.
    pub call: String,
    /// What each argument is, in order: a key the vocabulary reads (`password`, `security token`,
    /// `consumer key`, `consumer secret`), or `""` for an argument that is none of them.
    pub args: Vec<String>,
}

/// Word lists that are not roles or vendors.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordLists {
    /// Dropped from keys before reading them (`default`, `prod`, `config`).
    #[serde(default)]
    pub noise: Vec<String>,
    /// A key with one of these (outside the words that gave its role) is about the credential,
    /// not the credential (`password_hash`, `token_url`).
    #[serde(default)]
    pub not_credential: Vec<String>,
    /// Words that qualify a credential without naming whose it is (`user`, `admin`, `backup`).
    /// Any other word beside the role's (`OPERA_PMS_PASSWORD`) names a system the vocabulary does
    /// not know: such a key is not taken for Salesforce's on the strength of its file alone.
    #[serde(default)]
    pub neutral: Vec<String>,
    /// Vendor words that name the credential's system in a key (`ROOT_PASSWORD`) but, as a parent
    /// key, a level of the document (`<Root>` of a KeePass export, `"root": {…}`).
    #[serde(default)]
    pub not_in_path: Vec<String>,
    /// Words that declare a name in code (`private static final String PASSWORD = …`, `Dim
    /// Password As String`, `my $password`): a type or a modifier, never a system's name.
    #[serde(default)]
    pub declarations: Vec<String>,
    /// Keys whose values name a system (`type: snowflake`, `host: sqlprod01`): read in the block
    /// around a value for whose it is.
    #[serde(default)]
    pub system_keys: Vec<String>,
    /// The system keys whose value is an address: a host that is not Salesforce's names another
    /// system.
    #[serde(default)]
    pub host_keys: Vec<String>,
    /// System keys that name a database by being in a block (`Database=…`, `Initial Catalog=…`).
    #[serde(default)]
    pub database_keys: Vec<String>,
    /// `not_credential` words that name what holds a value (`param`, `var`): after the role's
    /// words they make the key a name of the holder (`password_param`), before them they only
    /// say where the credential is kept (`$Param_SFDC_Passwd`, an Informatica parameter).
    #[serde(default)]
    pub holders: Vec<String>,
    /// Words naming an environment (`sandbox`, `uat`, `prod`): a password and a token whose keys
    /// name different ones (`org.sfdc.pass`, `org.sfdc.sandbox.token`) are two logins' credentials.
    #[serde(default)]
    pub environments: Vec<String>,
    /// Names of a table's columns whose cells say whose a row's credentials are (`URL`, `System`,
    /// `Application`; also a name ending in one: `Login URL`, `service_name`).
    #[serde(default)]
    pub system_columns: Vec<String>,
    /// Words of a column's name that make it a person's (`Full Name`, `Owner`): it says who holds
    /// a login, not whose system it is, and is not read for a vendor.
    #[serde(default)]
    pub person_columns: Vec<String>,
    /// Words naming a secret store (`secretsmanager`, `vault`, `keyvault`): a parent that names
    /// one (`aws.secretsmanager.SecretVersion(…`) holds credentials of any system and names none.
    #[serde(default)]
    pub stores: Vec<String>,
}

/// The whole vocabulary, merged over every rule file.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub roles: Vec<RoleSpec>,
    pub vendors: Vec<VendorSpec>,
    pub context: Vec<ContextPatterns>,
    pub lists: WordLists,
    /// Lookup tables, built on first use (after every rule file is loaded).
    sets: OnceLock<Sets>,
}

/// The vocabulary as sets, for reading keys at anchor hits without allocating per word list.
#[derive(Debug, Clone, Default)]
struct Sets {
    /// Tells this vocabulary's entries apart in the per-thread cache of readings.
    id: u64,
    known: HashSet<String>,
    noise: HashSet<String>,
    not: HashSet<String>,
    holders: HashSet<String>,
    neutral: HashSet<String>,
    /// Word → vendor id (Salesforce's words win).
    vendor: HashMap<String, String>,
    /// Per role: (phrase words, vendor only).
    phrases: Vec<Vec<(Vec<String>, bool)>>,
}

/// The vendor id of Salesforce, which every other vendor is told apart from.
pub const SALESFORCE: &str = "salesforce";

/// What a key says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reading {
    /// Index into [`Vocabulary::roles`].
    pub role: usize,
    /// The vendor the key's own words name, if any.
    pub vendor: Option<String>,
    /// The key has a word that names something unknown (`opera` in `OPERA_PMS_PASSWORD`):
    /// neither a vendor, nor the role's, nor a neutral qualifier.
    pub unknown: bool,
}

/// Words of a key: split at separators, case changes and digits, lower-cased.
pub(crate) fn split_words(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = key.as_bytes();
    let mut cur = String::new();
    for i in 0..b.len() {
        let c = b[i];
        if !c.is_ascii_alphanumeric() && c < 0x80 {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if !cur.is_empty() {
            let prev = b[i - 1];
            let next = b.get(i + 1).copied();
            let letter = |b: u8| b.is_ascii_alphabetic() || b >= 0x80;
            let boundary = (prev.is_ascii_lowercase() && c.is_ascii_uppercase())
                || (prev.is_ascii_uppercase()
                    && c.is_ascii_uppercase()
                    && next.is_some_and(|n| n.is_ascii_lowercase()))
                || (letter(prev) != letter(c));
            if boundary {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c.to_ascii_lowercase() as char);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    // Bytes past ASCII were pushed one by one as chars; put the UTF-8 back together.
    out.into_iter()
        .map(|w| {
            if w.is_ascii() {
                w
            } else {
                String::from_utf8_lossy(&w.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>()).to_lowercase()
            }
        })
        .collect()
}

impl Vocabulary {
    /// Whether a word names something about a credential, not it (`field`, `policy`).
    pub(crate) fn not_credential(&self, word: &str) -> bool {
        self.sets().not.contains(word)
    }

    fn sets(&self) -> &Sets {
        self.sets.get_or_init(|| {
            static IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let mut s = Sets { id: IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed), ..Sets::default() };
            for r in &self.roles {
                let mut ph = Vec::new();
                for (p, v) in r.words.iter().map(|p| (p, false)).chain(r.vendor_words.iter().map(|p| (p, true))) {
                    let words: Vec<String> = p.split(' ').map(str::to_string).collect();
                    s.known.extend(words.iter().cloned());
                    ph.push((words, v));
                }
                s.phrases.push(ph);
            }
            for v in self.vendors.iter().rev() {
                for w in &v.words {
                    s.known.insert(w.clone());
                    s.vendor.insert(w.clone(), v.id.clone());
                }
            }
            if let Some(sf) = self.vendors.iter().find(|v| v.id == SALESFORCE) {
                for w in &sf.words {
                    s.vendor.insert(w.clone(), sf.id.clone());
                }
            }
            s.known.extend(
                ["security", "client", "consumer", "access", "refresh", "session", "oauth", "api", "user", "secret"]
                    .map(str::to_string),
            );
            s.noise = self.lists.noise.iter().cloned().collect();
            s.not = self.lists.not_credential.iter().cloned().collect();
            s.neutral = self.lists.neutral.iter().cloned().collect();
            s.holders = self.lists.holders.iter().cloned().collect();
            s
        })
    }

    /// Words of a key, with run-together words split where every part is known.
    pub(crate) fn words(&self, key: &str) -> Vec<String> {
        let known = &self.sets().known;
        let mut out = Vec::new();
        for w in split_words(key) {
            match segment(&w, known) {
                Some(parts) if parts.len() > 1 => out.extend(parts),
                _ => out.push(w),
            }
        }
        out
    }

    /// A key's words without the noise words (`Integration_Secret__c` → `secret`).
    /// Whether a value is another vendor's token by its prefix (see [`VendorSpec::prefixes`])
    /// and goes on as a token does (16 characters or more, no blank): never a Salesforce
    /// password, token or secret, whatever key holds it (a `.netrc`'s `machine github.com …
    /// password ghp_…` in a Salesforce project's home configuration).
    pub(crate) fn another_vendors_token(&self, value: &[u8]) -> bool {
        let t = value.trim_ascii();
        t.len() >= 16
            && !t.contains(&b' ')
            && self
                .vendors
                .iter()
                .filter(|v| v.id != SALESFORCE)
                .any(|v| v.prefixes.iter().any(|p| t.starts_with(p.as_bytes())))
    }

    pub(crate) fn content_words(&self, key: &str) -> Vec<String> {
        let noise = &self.sets().noise;
        self.words(key).into_iter().filter(|w| !noise.contains(w)).collect()
    }

    /// Words of a value that names a system (`MuleSoft RTF console`, `Oracle EBS`): its key
    /// words, and each of its names whole, so that a product spelt in camel case (`MuleSoft`,
    /// `NetSuite`) is still the one word a vendor list has.
    pub(crate) fn text_words(&self, text: &str) -> Vec<String> {
        let mut out = self.words(text);
        for t in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| t.len() > 3) {
            let t = t.to_ascii_lowercase();
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }

    /// The vendor a parent key's words name, if any: [`Vocabulary::vendor_of`] without the words
    /// that, in a path, name a level of the document.
    pub(crate) fn parent_vendor_of(&self, words: &[String]) -> Option<&str> {
        if words.iter().any(|w| self.lists.stores.contains(w)) {
            return None;
        }
        let words: Vec<String> = words.iter().filter(|w| !self.lists.not_in_path.contains(w)).cloned().collect();
        self.vendor_of(&words)
    }

    /// The vendor a list of words names, if any (Salesforce first when several do).
    pub(crate) fn vendor_of(&self, words: &[String]) -> Option<&str> {
        let map = &self.sets().vendor;
        // A word that starts with Salesforce's name is Salesforce's (`salesforcer`, R's client).
        if words.iter().any(|w| w.len() > 10 && (w.starts_with("salesforce") || w.starts_with("sfdc"))) {
            return Some(SALESFORCE);
        }
        // (Two short words written apart that make one: `Wi-Fi`, `Git Hub`, `Dropbox`.)
        let joined = words.windows(2).filter(|w| w[0].len() + w[1].len() <= 12).map(|w| format!("{}{}", w[0], w[1]));
        let found: Vec<&str> = words
            .iter()
            .filter_map(|w| map.get(w).map(String::as_str))
            .chain(joined.filter_map(|w| map.get(&w).map(String::as_str)))
            .collect();
        found.iter().copied().find(|v| *v == SALESFORCE).or(found.first().copied())
    }

    /// Reads a key: its role and its own vendor, or `None` when it names no credential.
    /// `salesforce_path`: a parent key names Salesforce, which lets vendor-only words count
    /// (`token:` under `sfdc:`).
    pub(crate) fn read(&self, key: &str, salesforce_path: bool) -> Option<Reading> {
        // Logs repeat a few keys millions of times (`password`, `access_token`, `token_type`):
        // each thread remembers its last few thousand readings.
        type Cache = HashMap<(u64, bool, String), Option<Reading>>;
        thread_local! {
            static CACHE: std::cell::RefCell<Cache> = std::cell::RefCell::new(HashMap::new());
        }
        let id = self.sets().id;
        if let Some(r) = CACHE.with(|c| c.borrow().get(&(id, salesforce_path, key.to_string())).cloned()) {
            return r;
        }
        let r = self.read_uncached(key, salesforce_path);
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= 4096 {
                c.clear();
            }
            c.insert((id, salesforce_path, key.to_string()), r.clone());
        });
        r
    }

    fn read_uncached(&self, key: &str, salesforce_path: bool) -> Option<Reading> {
        let words = self.words(key);
        if words.is_empty() || words.len() > 12 {
            return None;
        }
        // A key names its system by the vendor word nearest its end, as English compounds put
        // the head last: `sfdc.proxyPassword` is a proxy's password in Salesforce's settings,
        // `SF_DB_PASSWORD` a database's, `jira_sfdc_password` Salesforce's.
        let vendor = words
            .iter()
            .rev()
            .find_map(|w| self.vendor_of(std::slice::from_ref(w)))
            .or_else(|| self.vendor_of(&words))
            .map(str::to_string);
        let salesforce = vendor.as_deref() == Some(SALESFORCE) || (vendor.is_none() && salesforce_path);
        let sets = self.sets();
        let content: Vec<&str> = words.iter().map(String::as_str).filter(|w| !sets.noise.contains(*w)).collect();
        let not = &sets.not;
        for (ri, phrases) in sets.phrases.iter().enumerate() {
            for (phrase, needs_vendor) in phrases {
                let needs_vendor = *needs_vendor;
                if needs_vendor && !salesforce {
                    continue;
                }
                let p: Vec<&str> = phrase.iter().map(String::as_str).collect();
                let Some(at) = find_phrase(&content, &p) else { continue };
                // The other words: vendors and noise are fine; a word that says the key is about
                // the credential (`password_hash`) is not.
                let others = content.iter().enumerate().filter(|(i, _)| *i < at || *i >= at + p.len()).map(|(_, w)| *w);
                let holder_before = |i: usize| i < at && sets.holders.contains(content[i]);
                // (Another phrase may hold that word: `secret key` in `SF_SECRET_KEY`.)
                if content
                    .iter()
                    .enumerate()
                    .any(|(i, w)| (i < at || i >= at + p.len()) && not.contains(*w) && !holder_before(i))
                {
                    continue;
                }
                // A vendor-only phrase must be the key's last word (`sf_token`, not `sf_token_type`).
                if needs_vendor && at + p.len() != content.len() {
                    continue;
                }
                let unknown = others.clone().any(|w| {
                    w.len() >= 2
                        && !w.bytes().all(|b| b.is_ascii_digit())
                        && self.vendor_of(&[w.to_string()]).is_none()
                        && !sets.neutral.contains(w)
                        && !sets.known.contains(w)
                });
                return Some(Reading { role: ri, vendor, unknown });
            }
        }
        None
    }

    /// The environments a key names (`org.sfdc.sandbox.token` → `sandbox`), sorted, and its other
    /// words before the last (`org sfdc`).
    pub(crate) fn environments(&self, key: &str) -> (Vec<String>, Vec<String>) {
        let words = self.words(key);
        let stem = words[..words.len().saturating_sub(1)]
            .iter()
            .filter(|w| !self.lists.environments.contains(*w))
            .cloned()
            .collect();
        // (Spellings of one environment are one: `prod`, `production`, `prd`, `live`.)
        let one = |w: String| {
            match w.as_str() {
                "production" | "prd" | "live" => "prod",
                "development" => "dev",
                "stage" | "stg" => "staging",
                "tst" => "test",
                _ => return w,
            }
            .to_string()
        };
        let mut out: Vec<String> = words.into_iter().filter(|w| self.lists.environments.contains(w)).map(one).collect();
        out.sort();
        out.dedup();
        (out, stem)
    }

    /// The index of the role with this id.
    pub(crate) fn role(&self, id: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.id == id)
    }
}

/// Where the words of `phrase` appear in order in `words`.
fn find_phrase(words: &[&str], phrase: &[&str]) -> Option<usize> {
    if phrase.is_empty() || phrase.len() > words.len() {
        return None;
    }
    (0..=words.len() - phrase.len()).find(|&i| words[i..i + phrase.len()] == *phrase)
}

/// Splits a run-together word into known words (`sfdcpassword` → `sfdc` `password`), preferring
/// the fewest parts; `None` when it cannot be split entirely.
fn segment(w: &str, known: &HashSet<String>) -> Option<Vec<String>> {
    if known.contains(w) || w.len() > 40 {
        return None;
    }
    let n = w.len();
    // best[i]: fewest parts covering w[..i]
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for i in 1..=n {
        for j in 0..i {
            if let (Some((parts, _)), true) = (best[j], w.is_char_boundary(j) && w.is_char_boundary(i)) {
                let part = &w[j..i];
                if part.len() >= 2 && known.contains(part) && best[i].is_none_or(|(p, _)| parts + 1 < p) {
                    best[i] = Some((parts + 1, j));
                }
            }
        }
    }
    best[n]?;
    let mut out = Vec::new();
    let mut i = n;
    while i > 0 {
        let (_, j) = best[i]?;
        out.push(w[j..i].to_string());
        i = j;
    }
    out.reverse();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        crate::detect::rules::RuleBook::builtin().vocabulary
    }

    #[test]
    fn other_vendors_tokens_by_their_prefixes() {
        let v = vocab();
        for t in [
            "ghp_98rUo6luQbsV1nkJFWMc7CSDf1YVyGuzkFDI",
            "xoxb-5403253-1274839194688-HmBKZw3vO1JQ",
            "sk_live_51HbQx2LkY7pRzNw4XcVm",
        ] {
            assert!(v.another_vendors_token(t.as_bytes()), "{t}");
        }
        // A password a person chose with a prefix's letters is still one; so is a short value.
        assert!(!v.another_vendors_token(b"gh_Winter2024!xyz"));
        assert!(!v.another_vendors_token(b"npm_short"));
        // A user's rule file adds a vendor's prefixes without touching Rust.
        let mut book = crate::detect::rules::RuleBook::builtin();
        book.add_toml("user.toml", "[[vendor]]\nid = \"acme\"\nwords = [\"acme\"]\nprefixes = [\"acmepat_\"]\n")
            .unwrap();
        assert!(book.vocabulary.another_vendors_token(b"acmepat_4f8a9b2c1d3e5f60"));
        assert!(!vocab().another_vendors_token(b"acmepat_4f8a9b2c1d3e5f60"));
    }

    #[test]
    fn a_sentences_first_word_names_no_system() {
        // `Its password is v`: a determiner, capitalised at a sentence's start, is no product.
        let r = vocab().read("Its password", false).expect("a password");
        assert!(!r.unknown && r.vendor.is_none(), "{r:?}");
    }

    #[test]
    fn two_short_words_written_apart_make_one_vendor() {
        let v = vocab();
        let r = v.read("Wi-Fi guest password", false).expect("a password");
        assert_eq!(r.vendor.as_deref(), Some("infrastructure"));
        assert_eq!(v.read("guest password", false).expect("a password").vendor, None);
    }

    #[test]
    fn keys_split_into_words() {
        assert_eq!(split_words("SF_SecurityKey"), ["sf", "security", "key"]);
        assert_eq!(split_words("SFDCPassword"), ["sfdc", "password"]);
        assert_eq!(split_words("salesforce.auth.pwd"), ["salesforce", "auth", "pwd"]);
        assert_eq!(split_words("password2"), ["password", "2"]);
        let v = vocab();
        assert_eq!(v.words("sfdcpassword"), ["sfdc", "password"]);
        assert_eq!(v.words("salesforcesecret"), ["salesforce", "secret"]);
        assert_eq!(v.words("compass"), ["compass"]);
        assert_eq!(v.words("passport"), ["passport"]);
    }

    #[test]
    fn roles_and_vendors() {
        let v = vocab();
        let role = |k: &str| v.read(k, false).map(|r| v.roles[r.role].id.clone());
        let vendor = |k: &str| v.read(k, false).and_then(|r| r.vendor);
        assert_eq!(role("SF_PASSWORD").as_deref(), Some("password"));
        assert_eq!(role("sfPass").as_deref(), Some("password"));
        assert_eq!(role("SF_SecurityKey").as_deref(), Some("security-token"));
        assert_eq!(role("sfdc.token").as_deref(), Some("security-token"));
        assert_eq!(role("token").as_deref(), None);
        assert_eq!(role("token_type").as_deref(), None);
        assert_eq!(role("sf_token_type").as_deref(), None);
        assert_eq!(role("salesforce_secret").as_deref(), Some("consumer-secret"));
        assert_eq!(role("client_secret").as_deref(), Some("consumer-secret"));
        assert_eq!(role("refresh_token").as_deref(), Some("refresh-token"));
        assert_eq!(role("SF_PASSWORD_TOKEN").as_deref(), Some("password-with-token"));
        assert_eq!(role("SF_PASS_AND_TOKEN").as_deref(), Some("password-with-token"));
        assert_eq!(role("SF_SECRET_KEY").as_deref(), Some("consumer-secret"));
        assert_eq!(role("SF_CONSUMER_SECRET_KEY").as_deref(), Some("consumer-secret"));
        assert_eq!(role("SF_PSWD").as_deref(), Some("password"));
        assert_eq!(role("sf_password_reset_token"), None);
        // A secret store holds any system's credentials: as a parent it names none.
        let words = |k: &str| v.words(k);
        assert_eq!(v.parent_vendor_of(&words("aws.secretsmanager.SecretVersion")), None);
        assert_eq!(v.parent_vendor_of(&words("aws.s3.Bucket")), Some("cloud"));
        assert_eq!(role("password_hash"), None);
        // A holder before the credential's word says where it is kept; after it, names the holder.
        assert_eq!(role("Param_SFDC_Passwd").as_deref(), Some("password"));
        assert_eq!(role("password_param"), None);
        assert_eq!(
            v.environments("org.sfdc.sandbox.token"),
            (vec!["sandbox".into()], vec!["org".into(), "sfdc".into()])
        );
        assert_eq!(v.environments("SF_PROD_PASSWORD").0, ["prod"]);
        assert_eq!(v.environments("SF_PASSWORD_UAT").0, ["uat"]);
        assert_eq!(v.environments("sfProductionToken").0, ["prod"]);
        assert!(v.environments("org.sfdc.pass").0.is_empty());
        assert_eq!(role("PASSWORD_RESET_URL"), None);
        assert_eq!(vendor("DB_PASSWORD").as_deref(), Some("database"));
        assert_eq!(vendor("aws_secret_access_key"), None, "no role: `secret` alone needs Salesforce");
        assert_eq!(vendor("sfdc.password").as_deref(), Some("salesforce"));
        assert_eq!(role("setPassword").as_deref(), Some("password"));
        assert_eq!(v.read("token", true).map(|r| v.roles[r.role].id.clone()).as_deref(), Some("security-token"));
    }
}
