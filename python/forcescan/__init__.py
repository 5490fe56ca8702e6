"""forcescan: find leaked Salesforce credentials in files, logs, archives and bytes.

The scanning is forcescan's Rust library, the same code as the ``forcescan`` command (which this
package also installs); Python threads scan in parallel, since a scan releases the GIL.

    >>> import forcescan
    >>> scanner = forcescan.Scanner()
    >>> result = scanner.scan_path("logs/")          # files, directories, archives
    >>> for f in result:                             # a ScanResult is a sequence of findings
    ...     print(f.path, f.line, f.rule, f.secret)  # secret is redacted: "00Dh…Vm"
    >>> result.errors                                # inputs that could not be scanned
    >>> scanner.scan_text("token=00D...", path="paste.txt", show_secrets=True)[0].secret_value

Findings carry the JSON report's fields (``Finding.to_dict()`` is the report's object). A full
secret is only ever kept when the call passes ``show_secrets=True``. Errors that stop a scan from
starting (a bad rule file, a bad ``.forcescan.toml``) raise :class:`ForcescanError` subclasses
with the command line's message; inputs that cannot be read do not raise: they are listed in
:attr:`ScanResult.errors` and announced with an :class:`IncompleteScanWarning`.

``forcescan.spark`` scans Spark DataFrames (``binaryFile`` dumps, log tables) on the executors.
"""

from __future__ import annotations

import os
import warnings
from typing import Iterator, List, NamedTuple, Optional, Sequence, Union, overload

from ._native import (
    ConfigError,
    FileError,
    Finding,
    ForcescanError,
    RulesError,
    UsageError,
    __version__,
)
from ._native import Scanner as _NativeScanner
from ._native import fingerprint, redact

__all__ = [
    "Scanner",
    "ScanResult",
    "Finding",
    "ScanError",
    "ForcescanError",
    "RulesError",
    "ConfigError",
    "UsageError",
    "FileError",
    "IncompleteScanError",
    "IncompleteScanWarning",
    "fingerprint",
    "redact",
    "__version__",
]

PathLike = Union[str, "os.PathLike[str]"]


class ScanError(NamedTuple):
    """An input that could not be scanned (in full): the path it concerns and why.

    ``str(error)`` is ``"path: message"``, the line the command prints after ``forcescan: error:``.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class IncompleteScanWarning(UserWarning):
    """Issued when a scan could not read every input: the result is incomplete.

    The inputs are in :attr:`ScanResult.errors`. Turn the warning into an exception with
    ``warnings.simplefilter("error", forcescan.IncompleteScanWarning)``, or call
    :meth:`ScanResult.raise_for_errors`.
    """


class IncompleteScanError(ForcescanError):
    """Raised by :meth:`ScanResult.raise_for_errors` when some input could not be scanned."""

    def __init__(self, message: str, errors: Sequence[ScanError]) -> None:
        super().__init__(message)
        self.errors: List[ScanError] = list(errors)


class ScanResult(Sequence[Finding]):
    """What one scan found: a sequence of :class:`Finding` (sorted by path, then position), and
    what it could not scan.

    Attributes:
        findings: the findings, as a list.
        errors: inputs that could not be scanned in full (:class:`ScanError`); when there are any,
            the absence of a finding proves nothing (the command line exits 2).
        warnings: inputs scanned in full but worth a look (an archive member named ``../x``).
        files_scanned: units scanned (files, archive members).
        bytes_scanned: bytes scanned (decompressed).
    """

    __slots__ = ("findings", "errors", "warnings", "files_scanned", "bytes_scanned")

    def __init__(
        self,
        findings: List[Finding],
        errors: List[ScanError],
        warnings: List[ScanError],
        files_scanned: int,
        bytes_scanned: int,
    ) -> None:
        self.findings = findings
        self.errors = errors
        self.warnings = warnings
        self.files_scanned = files_scanned
        self.bytes_scanned = bytes_scanned

    @property
    def complete(self) -> bool:
        """True when every input was scanned in full."""
        return not self.errors

    def raise_for_errors(self) -> "ScanResult":
        """Raises :class:`IncompleteScanError` if some input could not be scanned; else returns
        the result itself, so ``scanner.scan_path(p).raise_for_errors()`` chains."""
        if self.errors:
            lines = "\n".join(f"  {e}" for e in self.errors)
            raise IncompleteScanError(f"{len(self.errors)} input(s) could not be scanned:\n{lines}", self.errors)
        return self

    @overload
    def __getitem__(self, i: int) -> Finding: ...

    @overload
    def __getitem__(self, i: slice) -> List[Finding]: ...

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self.findings[i]

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __repr__(self) -> str:
        return (
            f"ScanResult({len(self.findings)} findings, {len(self.errors)} errors, "
            f"{self.files_scanned} files, {self.bytes_scanned} bytes)"
        )


def _result(raw: tuple, stacklevel: int = 3) -> ScanResult:
    findings, errors, warns, files, nbytes = raw
    result = ScanResult(
        findings,
        [ScanError(p, m) for p, m in errors],
        [ScanError(p, m) for p, m in warns],
        files,
        nbytes,
    )
    if result.errors:
        shown = "; ".join(str(e) for e in result.errors[:3])
        more = f" (and {len(result.errors) - 3} more)" if len(result.errors) > 3 else ""
        warnings.warn(
            IncompleteScanWarning(f"{len(result.errors)} input(s) could not be scanned: {shown}{more}"),
            stacklevel=stacklevel,
        )
    return result


def _paths(rules: Union[None, PathLike, Sequence[PathLike]]) -> List[str]:
    if rules is None:
        return []
    if isinstance(rules, (str, os.PathLike)):
        return [os.fspath(rules)]
    return [os.fspath(r) for r in rules]


class Scanner:
    """Scans bytes, text, files and directories for leaked Salesforce credentials.

    Args:
        rules: extra rule files (TOML, the schema of the built-in ``rules/*.toml``): a path or a
            list of paths, added to the built-in rules (``forcescan scan --rules``).
        include_examples: also report values published in Salesforce documentation and samples,
            marked ``known_example`` (``--include-examples``).
        decode: look inside base64, UTF-16 and percent-encoded text (``--no-decode`` is False).
        archives: open compressed files and archives (gz, bz2, xz, zst, zip, tar), found by their
            magic bytes, in files and in bytes (``scan --archives``).
        threads: worker threads for :meth:`scan_path` and large inputs (default: one per core,
            shared by every Scanner; ``-j``).

    Raises:
        RulesError: a rule file cannot be read, parsed or compiled (the command's message).

    A Scanner is immutable: build it once and use it from any number of threads; each scan
    releases the GIL while it runs.
    """

    __slots__ = ("_native", "_config")

    def __init__(
        self,
        rules: Union[None, PathLike, Sequence[PathLike]] = None,
        include_examples: bool = False,
        decode: bool = True,
        archives: bool = True,
        *,
        threads: Optional[int] = None,
    ) -> None:
        rule_files = _paths(rules)
        if threads is not None and threads < 0:
            raise ValueError("threads must be a positive number (or None: one per core)")
        self._native = _NativeScanner(rule_files, include_examples, decode, archives, threads)
        self._config = (tuple(rule_files), include_examples, decode, archives, threads)

    def __repr__(self) -> str:
        rules, include_examples, decode, archives, threads = self._config
        return (
            f"Scanner(rules={list(rules) or None!r}, include_examples={include_examples}, decode={decode}, "
            f"archives={archives}, threads={threads})"
        )

    def scan_bytes(self, data: Union[bytes, bytearray, memoryview], path: str = "<bytes>", *, show_secrets: bool = False) -> ScanResult:
        """Scans ``data`` as one file named ``path`` (archives opened when the Scanner opens them).

        Args:
            data: the content (``bytes`` is scanned in place; other buffers are copied first).
            path: the name findings carry (and that name-dependent rules see).
            show_secrets: keep each secret's full value in ``Finding.secret_value``.
        """
        if not isinstance(data, bytes):
            data = bytes(data)
        return _result(self._native.scan_bytes(data, path, show_secrets))

    def scan_text(self, text: str, path: str = "<text>", *, show_secrets: bool = False) -> ScanResult:
        """Scans ``text`` (as UTF-8) as one file named ``path``; lines and columns count its
        lines and UTF-8 bytes. See :meth:`scan_bytes`."""
        return _result(self._native.scan_text(text, path, show_secrets))

    def scan_path(self, path: Union[PathLike, Sequence[PathLike]], *, show_secrets: bool = False) -> ScanResult:
        """Scans files and directories as ``forcescan scan`` does (``scan --archives`` when the
        Scanner opens archives): directories walked in parallel, dotfiles included, ``.gitignore``
        and ``.ignore`` honoured, ``.forcescan.toml`` and the baseline at the repository (or
        scan) root applied, large files streamed with bounded memory.

        Args:
            path: a file or directory, or a list of them.
            show_secrets: keep each secret's full value in ``Finding.secret_value``.

        Returns:
            A :class:`ScanResult`. Inputs that cannot be read (a missing path, a corrupt archive)
            do not raise: they are in ``result.errors``, and an :class:`IncompleteScanWarning` is
            issued.

        Raises:
            ConfigError: ``.forcescan.toml`` or the baseline is not valid.
        """
        paths = _paths(path)  # type: ignore[arg-type]
        return _result(self._native.scan_path(paths, show_secrets))
