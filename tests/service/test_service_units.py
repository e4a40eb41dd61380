"""The generated service definitions: a unit systemd accepts, a plist launchd can read, a logon task."""

from __future__ import annotations

import os
import plistlib
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from claimlight.service.units import (
    LAUNCHD_LABEL,
    render_launchd_plist,
    render_systemd_unit,
    schtasks_create_args,
    service_command,
    systemd_escape_arg,
)


def _executable(directory: Path, name: str = "claimlight") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    exe = directory / name
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return exe


# Read at import: the `home` fixture clears CLAIMLIGHT_* variables before the tests run.
IN_CI = bool(os.environ.get("CI") or os.environ.get("CLAIMLIGHT_REQUIRE_BROWSER"))


def _systemd_analyze() -> str:
    found = shutil.which("systemd-analyze")
    if found:
        return found
    if IN_CI:
        pytest.fail("systemd-analyze is missing; CI installs it with `apt-get install systemd` (.ci/run)")
    pytest.skip("systemd-analyze not installed (apt-get install systemd)")


def _verify(unit_text: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    unit_dir = tmp_path / "units"
    unit_dir.mkdir()
    unit = unit_dir / "claimlight.service"
    unit.write_text(unit_text)
    env = {**os.environ, "SYSTEMD_LOG_LEVEL": "notice"}
    return subprocess.run([_systemd_analyze(), "--user", "verify", str(unit)],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize("dirname", ["venv/bin", "my venv/100% sure$HOME/bin"])
def test_unit_passes_systemd_analyze_verify(home: Path, tmp_path: Path, dirname: str) -> None:
    # The odd directory name checks the quoting: verify fails when ExecStart does not name the real file.
    exe = _executable(tmp_path / dirname)
    text = render_systemd_unit(str(exe), ["serve", "--x=$1 50%"],
                               environment={"CLAIMLIGHT_CONFIG": str(tmp_path / "a dir/c%.toml")})
    result = _verify(text, tmp_path)
    assert result.returncode == 0, result.stderr
    # verify only warns (exit 0) on unknown keys and bad values; any line about our unit is a defect.
    assert "claimlight.service" not in result.stderr, result.stderr


def test_unit_verify_catches_a_missing_executable(home: Path, tmp_path: Path) -> None:
    # Guards the test above: verify must actually look at ExecStart.
    result = _verify(render_systemd_unit(str(tmp_path / "no such" / "claimlight")), tmp_path)
    assert result.returncode != 0


def test_unit_has_the_required_settings() -> None:
    text = render_systemd_unit("/opt/venv/bin/claimlight", ["serve"])
    lines = set(text.splitlines())
    for line in ["Type=notify", "ExecStart=/opt/venv/bin/claimlight serve", "Restart=on-failure",
                 "NoNewPrivileges=yes", "WantedBy=default.target"]:
        assert line in lines
    assert any(l.startswith("RestartSec=") for l in lines)
    assert not any(l.startswith("Environment=") for l in lines)


def test_systemd_escaping() -> None:
    assert systemd_escape_arg("/usr/bin/claimlight") == "/usr/bin/claimlight"
    assert systemd_escape_arg("/a b/c") == '"/a b/c"'
    assert systemd_escape_arg("50%") == "50%%"
    assert systemd_escape_arg("$HOME") == "$$HOME"
    assert systemd_escape_arg("/a$HOME/x", executable=True) == "/a$HOME/x"  # no variables in the executable
    assert systemd_escape_arg('say "hi"') == '"say \\"hi\\""'


def test_plist_parses_and_has_the_expected_keys(tmp_path: Path) -> None:
    logs = tmp_path / "Library" / "Logs" / "claimlight"
    data = render_launchd_plist("/Users/me/venv/bin/claimlight", ["serve"], log_dir=logs, working_directory=tmp_path,
                                environment={"CLAIMLIGHT_CONFIG": "/Users/me/c.toml"})
    plist = plistlib.loads(data)
    assert plist["Label"] == LAUNCHD_LABEL
    assert plist["ProgramArguments"] == ["/Users/me/venv/bin/claimlight", "serve"]
    assert plist["RunAtLoad"] is True
    assert plist["KeepAlive"] == {"SuccessfulExit": False}
    assert Path(plist["StandardOutPath"]).parent == logs
    assert Path(plist["StandardErrorPath"]).parent == logs
    assert plist["StandardOutPath"] != plist["StandardErrorPath"]
    assert plist["EnvironmentVariables"] == {"CLAIMLIGHT_CONFIG": "/Users/me/c.toml"}
    assert render_launchd_plist("/x", log_dir=logs, working_directory=tmp_path) == \
        render_launchd_plist("/x", log_dir=logs, working_directory=tmp_path)  # deterministic: reinstall is a no-op


def test_windows_logon_task() -> None:
    args = schtasks_create_args(r"C:\Users\Me Too\venv\Scripts\claimlight.exe", ["serve"])
    assert args[:2] == ["schtasks", "/Create"]
    assert args[args.index("/SC") + 1] == "ONLOGON"
    assert "/F" in args  # re-creating replaces the task: install stays idempotent
    assert args[args.index("/TR") + 1] == r'"C:\Users\Me Too\venv\Scripts\claimlight.exe" serve'


def test_service_command_prefers_the_venv_script(tmp_path: Path) -> None:
    bindir = tmp_path / "venv" / "bin"
    python = _executable(bindir, "python")
    assert service_command(str(python), platform="linux") == [str(python), "-m", "claimlight", "serve"]
    script = _executable(bindir, "claimlight")
    assert service_command(str(python), platform="linux") == [str(script), "serve"]


def test_service_command_keeps_the_venv_symlink(tmp_path: Path) -> None:
    # Resolving the venv's python symlink would run the system Python without the venv's packages.
    real = _executable(tmp_path / "usr" / "bin", "python3")
    bindir = tmp_path / "venv" / "bin"
    bindir.mkdir(parents=True)
    (bindir / "python").symlink_to(real)
    assert service_command(str(bindir / "python"), platform="linux")[0] == str(bindir / "python")


def test_windows_runs_pythonw_without_a_console(tmp_path: Path) -> None:
    bindir = tmp_path / "venv" / "Scripts"
    python = _executable(bindir, "python.exe")
    _executable(bindir, "claimlight.exe")
    assert service_command(str(python), platform="win32") == [str(bindir / "python.exe"), "-m", "claimlight", "serve"]
    _executable(bindir, "pythonw.exe")
    assert service_command(str(python), platform="win32")[0] == str(bindir / "pythonw.exe")
