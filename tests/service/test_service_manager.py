"""install / uninstall / start / stop / status through an injected runner: no session bus needed."""

from __future__ import annotations

import plistlib
from pathlib import Path

from claimlight import cli
from claimlight.service import manager as service_manager
from claimlight.service.manager import Launchd, SystemdUser, WindowsTask, backend_for

NO_BUS = (1, "", "Failed to connect to bus: No medium found")
EXE = ["/opt/venv/bin/claimlight", "serve"]


def _systemd(home: Path, runner, lines: list[str] | None = None) -> SystemdUser:
    backend = backend_for("linux", runner=runner, command=EXE, say=(lines.append if lines is not None else print))
    assert isinstance(backend, SystemdUser)
    return backend


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() or p.is_symlink())


def test_systemd_install_writes_enables_and_starts(home: Path, fake_runner) -> None:
    runner = fake_runner()
    backend = _systemd(home, runner)
    assert backend.install() == 0
    unit = home / ".config" / "systemd" / "user" / "claimlight.service"
    assert backend.unit_path == unit
    assert "ExecStart=/opt/venv/bin/claimlight serve" in unit.read_text()
    assert runner.verbs() == ["daemon-reload", "enable claimlight.service", "restart claimlight.service"]


def test_systemd_install_is_idempotent(home: Path, fake_runner) -> None:
    runner = fake_runner()
    lines: list[str] = []
    backend = _systemd(home, runner, lines)
    assert backend.install() == 0
    first = backend.unit_path.read_bytes()
    runner.calls.clear()
    assert backend.install() == 0
    assert backend.unit_path.read_bytes() == first
    # An unchanged unit is not restarted: `start` is a no-op for a running service.
    assert runner.verbs() == ["daemon-reload", "enable claimlight.service", "start claimlight.service"]
    assert any(line.startswith("unchanged:") for line in lines)


def test_systemd_install_then_uninstall_leaves_nothing(home: Path, fake_runner) -> None:
    runner = fake_runner()
    backend = _systemd(home, runner)
    before = _files(home)
    backend.install()
    # What `systemctl enable` would have created; uninstall must not leave it dangling.
    backend.wants_link.parent.mkdir(parents=True)
    backend.wants_link.symlink_to(backend.unit_path)
    runner.calls.clear()
    assert backend.uninstall() == 0
    assert _files(home) == before
    assert runner.verbs()[:2] == ["disable --now claimlight.service", "daemon-reload"]
    assert backend.uninstall() == 0  # uninstalling twice is fine too


def test_systemd_without_a_user_bus_explains_how_to_start(home: Path, fake_runner) -> None:
    runner = fake_runner(default=NO_BUS)
    lines: list[str] = []
    backend = _systemd(home, runner, lines)
    assert backend.install() == 0
    assert backend.unit_path.is_file()
    text = "\n".join(lines)
    assert str(backend.unit_path) in text
    assert "systemctl --user daemon-reload && systemctl --user enable --now claimlight.service" in text
    assert "No medium found" in text
    state = backend.state()
    assert state.installed and state.running is None
    assert backend.uninstall() == 0
    assert not backend.unit_path.exists()


def test_systemd_state(home: Path, fake_runner) -> None:
    runner = fake_runner({
        ("systemctl", "--user", "is-enabled"): (0, "enabled\n", ""),
        ("systemctl", "--user", "is-active"): (3, "failed\n", ""),
    })
    backend = _systemd(home, runner)
    backend.install(start=False)
    state = backend.state()
    assert (state.installed, state.enabled, state.running, state.detail) == (True, True, False, "failed")


def test_systemd_no_start(home: Path, fake_runner) -> None:
    runner = fake_runner()
    assert _systemd(home, runner).install(start=False) == 0
    assert runner.verbs() == ["daemon-reload", "enable claimlight.service"]


def test_systemd_logs_uses_journalctl_when_installed(home: Path, fake_runner) -> None:
    runner = fake_runner()
    backend = _systemd(home, runner)
    backend.install(start=False)
    assert backend.logs(lines=100, follow=True) == 0
    assert runner.calls[-1] == ["journalctl", "--user", "-u", "claimlight.service", "-n", "100", "--no-pager", "-f"]


def test_logs_tails_the_file_when_not_installed(home: Path, fake_runner, capsys) -> None:
    backend = _systemd(home, fake_runner())
    backend.log_file.parent.mkdir(parents=True)
    backend.log_file.write_text("".join(f"line {i}\n" for i in range(300)))
    assert backend.logs(lines=3) == 0
    assert capsys.readouterr().out == "line 297\nline 298\nline 299\n"


def test_claimlight_config_env_follows_into_the_unit(home: Path, fake_runner, monkeypatch) -> None:
    monkeypatch.setenv("CLAIMLIGHT_CONFIG", str(home / "elsewhere.toml"))
    backend = _systemd(home, fake_runner())
    assert f'Environment="CLAIMLIGHT_CONFIG={home / "elsewhere.toml"}"' in backend.render()


def test_launchd_install_and_uninstall(home: Path, fake_runner) -> None:
    runner = fake_runner({("launchctl", "print"): (113, "", "Could not find service")})
    backend = backend_for("darwin", runner=runner, command=EXE, say=lambda _: None)
    assert isinstance(backend, Launchd)
    before = _files(home)
    assert backend.install() == 0
    plist = home / "Library" / "LaunchAgents" / f"{backend.label}.plist"
    assert plistlib.loads(plist.read_bytes())["ProgramArguments"] == EXE
    assert (home / "Library" / "Logs" / "claimlight").is_dir()
    assert ["launchctl", "bootstrap", backend.domain, str(plist)] in runner.calls
    assert backend.install() == 0  # idempotent
    assert backend.uninstall() == 0
    assert _files(home) == before


def test_launchd_falls_back_to_load(home: Path, fake_runner) -> None:
    runner = fake_runner({("launchctl", "print"): (113, "", ""), ("launchctl", "bootstrap"): (5, "", "Input/output error")})
    backend = backend_for("darwin", runner=runner, command=EXE, say=lambda _: None)
    assert backend.install() == 0
    assert runner.calls[-1] == ["launchctl", "load", "-w", str(backend.plist_path)]


def test_launchd_reinstall_of_a_changed_plist_reloads(home: Path, fake_runner) -> None:
    runner = fake_runner({("launchctl", "print"): (0, "state = running\n", "")})
    backend = backend_for("darwin", runner=runner, command=EXE, say=lambda _: None)
    backend.plist_path.parent.mkdir(parents=True)
    backend.plist_path.write_text("old")
    backend.install()
    verbs = [c[1] for c in runner.calls if c[0] == "launchctl" and c[1] != "print"]
    assert verbs == ["bootout", "bootstrap"]
    assert backend.state().running is True


def test_windows_task(home: Path, fake_runner) -> None:
    runner = fake_runner()
    backend = backend_for("win32", runner=runner, command=[r"C:\venv\Scripts\claimlight.exe", "serve"], say=lambda _: None)
    assert isinstance(backend, WindowsTask)
    assert backend.install() == 0
    assert runner.calls[0][:2] == ["schtasks", "/Create"]
    assert runner.calls[1] == ["schtasks", "/Run", "/TN", "claimlight"]


def test_windows_task_failure_prints_instructions(home: Path, fake_runner) -> None:
    lines: list[str] = []
    runner = fake_runner(default=(1, "", "ERROR: Access is denied."))
    backend = backend_for("win32", runner=runner, command=[r"C:\venv\Scripts\claimlight.exe", "serve"], say=lines.append)
    assert backend.install() == 1
    assert "shell:startup" in lines[0] and "Access is denied" in lines[0]


def test_cli_install_and_uninstall(home: Path, fake_runner, monkeypatch, capsys) -> None:
    runner = fake_runner()
    monkeypatch.setattr(service_manager, "run_command", runner)
    monkeypatch.setattr(service_manager.sys, "platform", "linux")
    assert cli.main(["service", "install", "--no-start"]) == 0
    unit = home / ".config" / "systemd" / "user" / "claimlight.service"
    assert unit.is_file()
    assert cli.main(["service", "uninstall"]) == 0
    assert not unit.exists()
    assert ["systemctl", "--user", "disable", "--now", "claimlight.service"] in runner.calls


def test_cli_install_refuses_a_broken_config(home: Path, fake_runner, monkeypatch, capsys) -> None:
    monkeypatch.setattr(service_manager, "run_command", fake_runner())
    monkeypatch.setattr(service_manager.sys, "platform", "linux")
    monkeypatch.setenv("CLAIMLIGHT_PORT", "not a port")
    assert cli.main(["service", "install"]) == 2
    assert "CLAIMLIGHT_PORT" in capsys.readouterr().err
    assert not (home / ".config" / "systemd" / "user" / "claimlight.service").exists()


def test_cli_print_changes_nothing(home: Path, fake_runner, monkeypatch, capsys) -> None:
    runner = fake_runner()
    monkeypatch.setattr(service_manager, "run_command", runner)
    monkeypatch.setattr(service_manager.sys, "platform", "linux")
    assert cli.main(["service", "install", "--print"]) == 0
    assert "Type=notify" in capsys.readouterr().out
    assert runner.calls == [] and _files(home) == []


def test_cli_status_without_daemon(home: Path, fake_runner, monkeypatch, capsys) -> None:
    monkeypatch.setattr(service_manager, "run_command", fake_runner(default=NO_BUS))
    monkeypatch.setattr(service_manager.sys, "platform", "linux")
    monkeypatch.setenv("CLAIMLIGHT_PORT", str(_free_port()))
    assert cli.main(["service", "status"]) == 3
    out = capsys.readouterr().out
    assert "not installed" in out and "nothing is listening" in out


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_install_reports_health_after_start(home: Path, fake_runner, monkeypatch, capsys) -> None:
    runner = fake_runner({("systemctl", "--user", "is-active"): (0, "active\n", "")})
    monkeypatch.setattr(service_manager, "run_command", runner)
    monkeypatch.setenv("CLAIMLIGHT_PORT", str(_free_port()))
    assert cli.main(["service", "install"]) == 0
    out = capsys.readouterr().out
    assert "restart: ok" in out and "health: http://127.0.0.1:" in out and "service logs" in out
