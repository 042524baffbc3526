"""Shared pieces of the claim-file fuzzer and the regression runner.

Standard library only. A run puts one claim file into a fresh folder (with a copy of the
bibliography `claims/papers.json` next to it, so the paper key can be checked), runs the
verifier on it in a child process under a wall-clock timeout and an address-space limit, and
classifies the outcome:

    ok        a clean verdict, or an error that names file:line:col at $.path
    crash     killed by a signal, or an exit status other than 0, 1, 2
    hang      the wall-clock timeout (the file's budget + slack) ran out
    blow-up   the memory limit was hit (recognised from the signal, the peak resident size or
              the allocator's message)
    unlocated an error (ERROR verdict, load error, or a report that never came) whose text lacks
              a location `file:line:col at $.path` with line >= 1 and column >= 1
    accepted  input that is not JSON (leading zeros, a leading +, raw control characters,
              invalid UTF-8, ...) loaded as if it were, or a claim file skipped without a word
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import tempfile
import time
import sys
from dataclasses import dataclass, field

# Claim files with 10^6-digit numbers are valid JSON: read them (Python limits int conversion to
# 4300 digits by default).
sys.set_int_max_str_digits(0)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAPERS = os.path.join(REPO, "claims", "papers.json")

MEMORY_LIMIT = 4 << 30          # RLIMIT_AS of the child: 4 GiB
DEFAULT_BUDGET = 2.0            # budget (seconds) written into generated claim files
DEFAULT_SLACK = 8.0             # added to the budget for the wall-clock timeout

CLASSES = ["ok", "crash", "hang", "blow-up", "unlocated", "accepted"]

# `--> name.json:12:5 at $.claims.a` (the file name may itself contain colons).
LOCATION = re.compile(r"-->\s*(.+?):(\d+):(\d+) at \$")

MEMORY_TEXT = re.compile(
    r"out of memory|cannot allocate|can't allocate|allocation fail|failed to allocate|"
    r"mmap|bad_alloc|ENOMEM|memory exhausted|GNU MP: Cannot|overflow in mpz type|"
    r"MPFR: Can't allocate|malloc", re.IGNORECASE)

SIGNAL_NAMES = {s.value: s.name for s in signal.Signals}
SIGNAL_NAMES[signal.SIGABRT] = "SIGABRT"

# Backtraces of crashes name the failing source line; keep them short.
CRASH_ENV = {"SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no,threads=crashed,limit=16,top=4"}


def default_binary() -> str:
    for config in ("release", "debug"):
        path = os.path.join(REPO, ".build", config, "verify")
        if os.path.exists(path):
            return path
    return os.path.join(REPO, ".build", "release", "verify")


@dataclass
class Case:
    """One hostile input: the bytes of a claim file, its name, and how to run it."""
    family: str
    content: bytes
    filename: str = "claim.json"
    args: list[str] = field(default_factory=list)   # extra command-line arguments
    budget: float = DEFAULT_BUDGET                   # the budget the file (or the run) allows
    usage_error_ok: bool = False                     # a plain usage error (exit 2) is a clean outcome
    expect: str = "verdict"                           # the clean outcome required once fixed
    label: str = ""                                   # what the generator built
    paths: list[str] | None = None                   # what to pass instead of the file name
    must_load: bool = False                          # the file is a claim: skipping it silently is wrong
    variants: object = None                          # smaller versions to try first when minimizing


@dataclass
class Outcome:
    cls: str
    detail: str
    returncode: int | None
    seconds: float
    maxrss_mb: float
    category: str = ""        # for ok runs: "load error", "verdict", "inconclusive-limit", "usage error"
    stdout: str = ""
    stderr: str = ""

    def signature(self) -> str:
        """A coarse key, so that one fault found many times is minimized and saved once."""
        d = re.sub(r"\d+", "N", self.detail)
        d = re.sub(r"'[^']*'|\"[^\"]*\"", "Q", d)
        return f"{self.cls}:{d[:80]}"


ACTIVE: set[int] = set()   # process groups of the runs in flight


def kill_active(*_args) -> None:
    """Kill every run in flight (on SIGTERM or Ctrl-C of the fuzzer), then exit."""
    for pid in list(ACTIVE):
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    os._exit(130)


def install_cleanup() -> None:
    signal.signal(signal.SIGTERM, kill_active)
    signal.signal(signal.SIGINT, kill_active)


def set_memory_limit(gib: float) -> None:
    """Change the child's address-space limit (0: none, e.g. for a sanitized binary)."""
    global MEMORY_LIMIT
    MEMORY_LIMIT = int(gib * (1 << 30))


def _limits() -> None:
    if MEMORY_LIMIT > 0:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _located(text: str) -> bool:
    for m in LOCATION.finditer(text):
        if int(m.group(2)) >= 1 and int(m.group(3)) >= 1:
            return True
    return False


def crash_message(stderr: str) -> str:
    """The runtime's message and the first source line of the crashing thread."""
    text = ""
    m = re.search(r"\*\*\* (Swift runtime failure: [^*]+?) \*\*\*", stderr) or \
        re.search(r"(Fatal error: [^\n]*)", stderr) or \
        re.search(r"^(.*(?:GNU MP|MPFR|error:|abort|allocat)[^\n]*)$", stderr, re.I | re.M)
    if m:
        text = m.group(1).strip()[:160]
    frame = re.search(r"Sources/(\S+?\.swift:\d+)", stderr)
    if frame:
        text = (text + " at " if text else "at ") + frame.group(1)
    return text or "(no message)"


def is_strict_json(content: bytes) -> bool:
    """Whether the bytes are one JSON text by RFC 8259 (UTF-8; a leading BOM is tolerated)."""
    def reject(name):
        raise ValueError(name)
    try:
        json.loads(content.decode("utf-8-sig"), parse_constant=reject)
        return True
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:160]
    return ""


def run_case(case: Case, binary: str, slack: float = DEFAULT_SLACK, shrink: bool = False,
             workdir: str | None = None) -> Outcome:
    """Run the verifier on one case in a fresh folder and classify the outcome."""
    tmp = tempfile.mkdtemp(prefix="mffuzz-", dir=workdir)
    try:
        shutil.copy(PAPERS, os.path.join(tmp, "papers.json"))
        target = os.path.join(tmp, case.filename)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(case.content)
        paths = case.paths if case.paths is not None else [case.filename]
        argv = [os.path.abspath(binary), "--format", "json", *case.args]
        if not shrink and not any(a.startswith("--shrink") or a == "--no-shrink" for a in case.args):
            argv.append("--no-shrink")
        argv += paths
        return _run(argv, tmp, case, min(case.budget, 60.0) + slack)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _vm_hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _run(argv: list[str], cwd: str, case: Case, timeout: float) -> Outcome:
    env = dict(os.environ, **CRASH_ENV)
    out_path = os.path.join(cwd, ".stdout")
    err_path = os.path.join(cwd, ".stderr")
    start = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        pid = os.fork()
        if pid == 0:  # child
            try:
                os.setsid()
                _limits()
                os.chdir(cwd)
                os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        ACTIVE.add(pid)
        timed_out = False
        status, usage = 0, None
        delay = 0.002
        peak_kb = 0
        while True:
            # The peak resident size of the verifier itself (ru_maxrss of a forked child also
            # counts the fuzzer's own pages from before the exec).
            peak_kb = max(peak_kb, _vm_hwm_kb(pid))
            wpid, status, usage = os.wait4(pid, os.WNOHANG)
            if wpid == pid:
                break
            if time.monotonic() - start > timeout:
                timed_out = True
                try:
                    os.killpg(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                _, status, usage = os.wait4(pid, 0)
                break
            time.sleep(delay)
            delay = min(delay * 1.5, 0.05)
        ACTIVE.discard(pid)
    seconds = time.monotonic() - start
    with open(out_path, "rb") as f:
        stdout = f.read().decode("utf-8", "replace")
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    maxrss_mb = peak_kb / 1024.0
    rc = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    return classify(case, rc, timed_out, stdout, stderr, seconds, maxrss_mb)


def classify(case: Case, rc: int, timed_out: bool, stdout: str, stderr: str,
             seconds: float, maxrss_mb: float) -> Outcome:
    def out(cls, detail, category=""):
        return Outcome(cls, detail, rc, seconds, maxrss_mb, category, stdout[-4000:], stderr[-4000:])

    if timed_out:
        return out("hang", f"no result after {seconds:.1f} s (peak {maxrss_mb:.0f} MB)")
    message = crash_message(stderr)
    near_limit = MEMORY_LIMIT > 0 and maxrss_mb > 0.85 * MEMORY_LIMIT / (1 << 20)
    if rc < 0:
        name = SIGNAL_NAMES.get(-rc, f"signal {-rc}")
        if MEMORY_TEXT.search(stderr) or near_limit or (-rc == signal.SIGKILL):
            return out("blow-up", f"{name}, peak {maxrss_mb:.0f} MB: {message}".rstrip(": "))
        return out("crash", f"{name}: {message}".rstrip(": "))
    if rc not in (0, 1, 2):
        if MEMORY_TEXT.search(stderr):
            return out("blow-up", f"exit {rc}, peak {maxrss_mb:.0f} MB: {message}".rstrip(": "))
        return out("crash", f"exit {rc}: {message}".rstrip(": "))

    try:
        report = json.loads(stdout)
        if not isinstance(report, dict):
            raise ValueError
    except ValueError:
        # No report: acceptable only for a usage error (exit 2), which names the bad option or,
        # for a file, its location.
        if rc == 2 and (case.usage_error_ok and stderr.strip() or _located(stderr)):
            return out("ok", _first_line(stderr), "usage error" if case.usage_error_ok else "load error")
        if MEMORY_TEXT.search(stderr):
            return out("blow-up", f"exit {rc} without a report: {message}")
        text = _first_line(stderr) or _first_line(stdout) or "(no output)"
        return out("unlocated", f"exit {rc} without a JSON report: {text}")

    load_errors = report.get("load_errors") or []
    for e in load_errors:
        text = str(e.get("error", "")) if isinstance(e, dict) else str(e)
        if not _located(text):
            return out("unlocated", "load error without location: " + _first_line(text))
    results = report.get("results") or []
    category = "load error" if load_errors else "verdict"
    for r in results:
        verdict = r.get("verdict")
        reason = str(r.get("reason", ""))
        # A claim isolated in a child process that crashed, blew up or ran past its wall-clock
        # limit is reported by the parent; the parent surviving does not make it ok.
        if verdict == "ERROR" and reason.startswith("internal failure"):
            kind = "blow-up" if MEMORY_TEXT.search(reason) and "signal" not in reason else "crash"
            return out(kind, f"[{r.get('part')}] isolated claim: " + _first_line(reason))
        if verdict == "INCONCLUSIVE" and "ran past its wall-clock limit" in reason:
            return out("hang", f"[{r.get('part')}] isolated claim: " + _first_line(reason))
        if verdict == "ERROR" and not _located(reason):
            return out("unlocated", f"ERROR [{r.get('part')}] without location: " + _first_line(reason))
        if verdict == "INCONCLUSIVE" and re.search(r"limit|max_dimension|budget|too (large|many|deep)", reason, re.I):
            category = "inconclusive-limit"
    if rc == 2 and not load_errors and not case.usage_error_ok:
        return out("unlocated", "exit 2 without a located load error: " + (_first_line(stderr) or "(no message)"))
    verdicts = ",".join(sorted({str(r.get("verdict")) for r in results})) or "no parts"
    if not load_errors and rc != 2:
        if results and not is_strict_json(case.content):
            return out("accepted", f"exit {rc}: {verdicts} for input that is not JSON")
        if not results and case.must_load:
            return out("accepted", f"exit {rc}: the claim file was not checked (no parts, no load error)")
    return out("ok", f"exit {rc}: {verdicts}" + (f"; load error: {_first_line(str(load_errors[0].get('error', '')))}"
                                                  if load_errors and isinstance(load_errors[0], dict) else ""),
               category)


def meets_expectation(expect: str, o: Outcome) -> bool:
    """Whether a clean outcome is the one a regression file requires."""
    if o.cls != "ok":
        return False
    if expect == "located load error":
        return o.category in ("load error", "usage error")
    if expect == "INCONCLUSIVE naming a limit":
        # A limit may as well be reported at load time, or as a located ERROR (an overflow, a
        # size out of range): any clean, located refusal is accepted.
        return o.category in ("inconclusive-limit", "load error") or '"ERROR"' in o.stdout or bool(
            re.search(r"limit|too (large|many|deep)|max_dimension|exceed", o.stdout + o.stderr, re.I))
    if expect == "verdict":
        return o.category in ("verdict", "inconclusive-limit")
    return True
