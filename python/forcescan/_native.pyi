"""Type stubs of forcescan._native, the Rust extension behind the forcescan package."""

from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

__version__: str

class ForcescanError(Exception):
    """The run could not start or finish; the message is the forcescan command's."""

class RulesError(ForcescanError):
    """A rule file that cannot be read, parsed or compiled."""

class ConfigError(ForcescanError):
    """`.forcescan.toml` or a baseline file that cannot be read or is not valid."""

class UsageError(ForcescanError):
    """Options that do not go together, or a value that cannot be used."""

class FileError(ForcescanError):
    """A file forcescan itself must read or write."""

class Finding:
    """One finding, with the fields of the JSON report. Immutable and hashable."""

    @property
    def rule(self) -> str:
        """Rule id, e.g. ``salesforce-access-token``."""
    @property
    def title(self) -> str:
        """What the rule finds, for people."""
    @property
    def severity(self) -> str:
        """``critical``, ``high``, ``medium`` or ``low``."""
    @property
    def confidence(self) -> str:
        """``high``, ``medium`` or ``low``."""
    @property
    def path(self) -> str:
        """The file (or ``archive.tar.gz!member``) the secret is in."""
    @property
    def line(self) -> int:
        """1-based line of the secret's first byte."""
    @property
    def column(self) -> int:
        """1-based byte column of the secret's first byte."""
    @property
    def end_line(self) -> int:
        """Line of the secret's last byte."""
    @property
    def end_column(self) -> int:
        """1-based byte column just past the secret (exclusive)."""
    @property
    def offset(self) -> int:
        """Byte offset of the secret in the scanned unit."""
    @property
    def length(self) -> int:
        """Length of the secret as written, in bytes."""
    @property
    def secret(self) -> str:
        """The redacted value: at most the first 4 and last 2 characters."""
    @property
    def secret_value(self) -> Optional[str]:
        """The full value, only when the scan was called with ``show_secrets=True``."""
    @property
    def fingerprint(self) -> str:
        """HMAC-SHA256 of rule id and secret, 32 hex characters (key: ``FORCESCAN_HASH_KEY``)."""
    @property
    def org_id(self) -> Optional[str]:
        """The 15-character org ID, for access tokens."""
    @property
    def known_example(self) -> bool:
        """A value published in Salesforce documentation or samples."""
    @property
    def binary(self) -> bool:
        """Found in binary content."""
    @property
    def decoded(self) -> Optional[str]:
        """How the secret was encoded: ``base64``, ``utf-16le``, ``utf-16be``, ``percent``."""
    @property
    def timestamp(self) -> Optional[str]:
        """The timestamp the secret's log line starts with, normalised."""
    @property
    def evidence(self) -> Optional[Dict[str, Union[str, int]]]:
        """Why a credential found by its context is Salesforce's: key, key_path, salesforce, line."""
    @property
    def related(self) -> Optional[List[Dict[str, Union[str, int]]]]:
        """The other parts of a credential found apart: role, line, column, end_line, end_column, offset, length."""
    def to_dict(self) -> Dict[str, Any]:
        """The finding as the JSON report writes it: the same keys, optional ones only when set."""

_Outcome = Tuple[List[Finding], List[Tuple[str, str]], List[Tuple[str, str]], int, int]

class Scanner:
    def __init__(
        self,
        rules: Sequence[str],
        include_examples: bool,
        decode: bool,
        archives: bool,
        threads: Optional[int],
        rule_texts: Sequence[Tuple[str, str]] = ...,
    ) -> None: ...
    def scan_bytes(self, data: bytes, path: str, show_secrets: bool) -> _Outcome: ...
    def scan_text(self, text: str, path: str, show_secrets: bool) -> _Outcome: ...
    def scan_path(self, paths: Sequence[str], show_secrets: bool) -> _Outcome: ...
    def _scan_arrow(
        self,
        names: Sequence[str],
        n: int,
        data: int,
        data_len: int,
        offsets: int,
        offset_width: int,
        offset: int,
        validity: Optional[int],
        show_secrets: bool,
        missing: Optional[str],
    ) -> Dict[str, list]: ...

def fingerprint(rule: str, secret: str) -> str:
    """The fingerprint forcescan gives ``secret`` under ``rule``, with the key in force."""

def redact(secret: str) -> str:
    """The redacted form of ``secret``: at most its first 4 and last 2 characters."""

def rules_json(rules: Sequence[str]) -> str:
    """The rules as ``forcescan rules list --json`` prints them."""
