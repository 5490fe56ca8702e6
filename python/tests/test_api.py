"""The Python API against the command line: same findings, same messages, the same binary."""

from __future__ import annotations

import gzip
import json
import os
import pydoc
import threading
import time
import warnings
from pathlib import Path

import pytest

import forcescan
from conftest import run_cli

# Fake credentials of the real shape (the Rust tests' own fakes): none is a real credential.
ACCESS_TOKEN = "00Dhu0000G8GP38!AQnC1.4EakoKm5b.OAYGSTWjRlLK6sNdVU72lZ_o2.YH19dCqgn28s9Dp68GZN9Z3zLIbet6.UzH.7_3eLO6m4H5x29iI_Vm"
REFRESH_TOKEN = "5Aep8610tPsf8ahmTGQduyl23zvEC_BVu226UAN49lBzokTuowA3y2dsIKUYb96IT.rnsCT6WgPGk77SmJLekfi"


def cli_findings(cli, *args, cwd):
    p = run_cli(cli, "scan", "-f", "json", *args, cwd=cwd)
    assert p.returncode in (0, 1, 2), p.stderr
    return json.loads(p.stdout), p


def comparable(d: dict) -> dict:
    # The Python API adds the line's timestamp (as sweep's findings do); the rest is the report's.
    return {k: v for k, v in d.items() if k != "timestamp"}


@pytest.mark.parametrize("archives", [True, False])
def test_scan_path_finds_exactly_what_the_cli_finds_on_the_corpus(cli, repo, archives, monkeypatch):
    corpus = repo / "corpus"
    args = ["."] if archives else ["--no-archives", "."]
    doc, _ = cli_findings(cli, *args, cwd=corpus)
    monkeypatch.chdir(corpus)
    result = forcescan.Scanner(archives=archives).scan_path(".")
    got = [comparable(f.to_dict()) for f in result]
    assert len(got) > 150
    assert got == doc["findings"], "same findings, fields and order as `forcescan scan -f json`"
    assert result.errors == [] and doc["errors"] == []
    assert result.files_scanned == doc["summary"]["files_scanned"]
    assert result.bytes_scanned == doc["summary"]["bytes_scanned"]


def test_fingerprints_follow_the_hash_key_as_the_cli_does(cli, repo, monkeypatch):
    demo = repo / "demo"
    monkeypatch.setenv("FORCESCAN_HASH_KEY", "a-private-key-for-this-test")
    keyed = forcescan.Scanner().scan_path(str(demo))
    p = run_cli(cli, "scan", "-f", "json", str(demo), env={"FORCESCAN_HASH_KEY": "a-private-key-for-this-test"})
    assert [f.fingerprint for f in keyed] == [f["fingerprint"] for f in json.loads(p.stdout)["findings"]]
    monkeypatch.delenv("FORCESCAN_HASH_KEY")
    default = forcescan.Scanner().scan_path(str(demo))
    assert [f.fingerprint for f in default] != [f.fingerprint for f in keyed]
    shown = forcescan.Scanner().scan_path(str(demo), show_secrets=True)
    assert [f.fingerprint for f in default] == [forcescan.fingerprint(f.rule, f.secret_value) for f in shown]


def test_the_installed_command_is_the_rust_binary(cli):
    with open(cli, "rb") as f:
        assert f.read(4) == b"\x7fELF", "the wheel's forcescan is the native binary, not a Python shim"
    p = run_cli(cli, "--version")
    assert p.returncode == 0
    assert p.stdout.strip() == f"forcescan {forcescan.__version__}"


def test_scan_bytes_text_and_show_secrets():
    s = forcescan.Scanner()
    log = f"x\nAuthorization: Bearer {ACCESS_TOKEN}\n".encode()
    r = s.scan_bytes(log, path="app.log")
    assert len(r) == 1 and r.complete
    f = r[0]
    assert (f.rule, f.path, f.line, f.column, f.secret) == ("salesforce-access-token", "app.log", 2, 23, "00Dh…Vm")
    assert f.secret_value is None and "secret_value" not in f.to_dict()
    assert f.org_id == "00Dhu0000G8GP38"
    assert f.fingerprint == forcescan.fingerprint("salesforce-access-token", ACCESS_TOKEN)
    shown = s.scan_bytes(log, path="app.log", show_secrets=True)[0]
    assert shown.secret_value == ACCESS_TOKEN and shown.to_dict()["secret_value"] == ACCESS_TOKEN
    assert ACCESS_TOKEN not in repr(shown)
    # Text counts UTF-8 bytes for columns, as files do; other buffers are accepted too.
    t = s.scan_text(f"é token={REFRESH_TOKEN}", path="notes.txt")
    assert (t[0].rule, t[0].column) == ("salesforce-refresh-token", 10)
    assert s.scan_bytes(bytearray(log))[0].path == "<bytes>"
    assert s.scan_bytes(memoryview(log)).findings == s.scan_bytes(log).findings
    # Archives in bytes are opened (or not).
    packed = gzip.compress(log)
    assert forcescan.Scanner().scan_bytes(packed, path="app.log.gz")[0].line == 2
    assert len(forcescan.Scanner(archives=False).scan_bytes(packed)) == 0


def test_encoded_and_example_values_and_inline_allow_markers():
    s = forcescan.Scanner()
    import base64

    b64 = base64.b64encode(f"token={ACCESS_TOKEN}".encode()).decode()
    assert s.scan_text(f"blob: {b64}\n")[0].decoded == "base64"
    assert len(forcescan.Scanner(decode=False).scan_text(f"blob: {b64}\n")) == 0
    assert len(s.scan_text(f"token={ACCESS_TOKEN} # forcescan:allow\n")) == 0


def test_bad_inputs_are_errors_in_the_result_and_a_warning(tmp_path):
    (tmp_path / "ok.log").write_text(f"token {ACCESS_TOKEN}\n")
    whole = gzip.compress(("filler line\n" * 20000 + f"token {REFRESH_TOKEN}\n").encode())
    (tmp_path / "cut.log.gz").write_bytes(whole[: len(whole) // 2])
    with pytest.warns(forcescan.IncompleteScanWarning, match="2 input"):
        r = forcescan.Scanner().scan_path([tmp_path, tmp_path / "missing.log"])
    assert not r.complete
    errors = {e.path: e.message for e in r.errors}
    assert errors[str(tmp_path / "missing.log")] == "No such file or directory"
    assert errors[str(tmp_path / "cut.log.gz")].startswith("corrupt or truncated gzip data after ")
    assert [f.rule for f in r] == ["salesforce-access-token"]
    with pytest.raises(forcescan.IncompleteScanError) as e:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            forcescan.Scanner().scan_path(tmp_path).raise_for_errors()
    assert "could not be scanned" in str(e.value) and e.value.errors


def on_terminal(message: str) -> str:
    """The command escapes control characters on stderr (a multi-line TOML error shows `\\n`)."""
    return message.replace("\n", "\\n")


def test_errors_are_exceptions_with_the_cli_messages(cli, tmp_path):
    p = run_cli(cli, "scan", "--rules", "no-such-rules.toml", ".", cwd=tmp_path)
    assert p.returncode == 2
    prefix = "forcescan: error: "
    want = p.stderr.strip()
    assert want.startswith(prefix)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        with pytest.raises(forcescan.RulesError) as e:
            forcescan.Scanner(rules="no-such-rules.toml")
    finally:
        os.chdir(old)
    assert str(e.value) == want[len(prefix):]
    assert isinstance(e.value, forcescan.ForcescanError)

    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nid = "x"\ntitle = "x"\nseverity = "high"\nconfidence = "high"\nanchors = ["aa"]\nregex = "("\n')
    p = run_cli(cli, "scan", "--rules", str(bad), str(tmp_path))
    with pytest.raises(forcescan.RulesError) as e:
        forcescan.Scanner(rules=[bad])
    assert p.returncode == 2 and on_terminal(str(e.value)) == p.stderr.strip()[len(prefix):]

    cfg = tmp_path / "proj"
    cfg.mkdir()
    (cfg / ".forcescan.toml").write_text("no_such_key = 1\n")
    p = run_cli(cli, "scan", str(cfg))
    with pytest.raises(forcescan.ConfigError) as e:
        forcescan.Scanner().scan_path(cfg)
    assert p.returncode == 2 and on_terminal(str(e.value)) == p.stderr.strip()[len(prefix):]


def test_a_scanner_is_shared_by_threads_and_releases_the_gil():
    s = forcescan.Scanner()
    filler = ("2026-10-12T10:00:00Z INFO request served in 12ms id=0123456789abcdef\n" * 600_000).encode()
    big = filler + f"token={ACCESS_TOKEN}\n".encode()
    window = []
    results = []

    def scan():
        window.append(time.perf_counter())
        results.append(s.scan_bytes(big, path="big.log"))
        window.append(time.perf_counter())

    ticks = []
    t = threading.Thread(target=scan)
    t.start()
    while t.is_alive():
        ticks.append(time.perf_counter())
    t.join()
    assert results[0][0].line == 600_001
    start, end = window
    during = sum(1 for x in ticks if start < x < end)
    # With the GIL held through the scan, this thread could not have run while it lasted.
    assert end - start > 0.01, "the scan was too short to tell"
    assert during > 100, f"only {during} iterations ran during a {end - start:.3f}s scan: the GIL was held"

    from concurrent.futures import ThreadPoolExecutor

    texts = [f"line {i}\ntoken={ACCESS_TOKEN}\n" * (i + 1) for i in range(16)]
    with ThreadPoolExecutor(4) as pool:
        counts = list(pool.map(lambda t: len(s.scan_text(t)), texts))
    assert counts == [i + 1 for i in range(16)]


def test_help_reads_well():
    text = pydoc.render_doc(forcescan.Scanner, renderer=pydoc.plaintext)
    for words in ["scan_bytes", "scan_text", "scan_path", "show_secrets", "include_examples", "RulesError"]:
        assert words in text
    assert "secret_value" in pydoc.render_doc(forcescan.Finding, renderer=pydoc.plaintext)
    assert "forcescan.spark" in (forcescan.__doc__ or "")
    assert repr(forcescan.Scanner()) == "Scanner(rules=None, include_examples=False, decode=True, archives=True, threads=None)"


def test_typed_package_ships_its_stub():
    pkg = Path(forcescan.__file__).parent
    assert (pkg / "py.typed").exists() and (pkg / "_native.pyi").exists()
