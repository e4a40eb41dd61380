"""Every service test runs with a temporary HOME and XDG directories and no CLAIMLIGHT_* variables,
so nothing reads or writes the real user's config, units or logs."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    for name in list(os.environ):
        if name.startswith("CLAIMLIGHT_"):
            monkeypatch.delenv(name)
    for name in ("INVOCATION_ID", "JOURNAL_STREAM", "NOTIFY_SOCKET", "XPC_SERVICE_NAME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return home


class FakeRunner:
    """Stands in for systemctl/launchctl/schtasks: records each argv and answers from a script."""

    def __init__(self, answers: dict[tuple[str, ...], tuple[int, str, str]] | None = None,
                 default: tuple[int, str, str] = (0, "", "")):
        self.calls: list[list[str]] = []
        self.answers = answers or {}
        self.default = default

    def __call__(self, argv, *, capture: bool = True) -> subprocess.CompletedProcess[str]:
        argv = list(argv)
        self.calls.append(argv)
        # The longest scripted prefix wins, so ("systemctl", "--user", "is-active") can differ from the rest.
        best = max((k for k in self.answers if tuple(argv[: len(k)]) == k), key=len, default=None)
        code, out, err = self.answers[best] if best is not None else self.default
        return subprocess.CompletedProcess(argv, code, out, err)

    def verbs(self, program: str = "systemctl") -> list[str]:
        """The calls to `program` without the program name and --user: e.g. ["daemon-reload", "enable claimlight.service"]."""
        return [" ".join(a for a in c[1:] if a != "--user") for c in self.calls if c[0] == program]


@pytest.fixture
def fake_runner() -> type[FakeRunner]:
    return FakeRunner
