"""Where claimlight keeps its files on each platform: the config file, the log file, the state files.

Linux and macOS both read the config from the XDG config directory, so one set of instructions
works on both; logs follow each platform's habit (XDG state dir, ~/Library/Logs, %LOCALAPPDATA%).
Every function takes `environ` and `platform` so tests can point them at temporary directories.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP = "claimlight"
CONFIG_ENV = "CLAIMLIGHT_CONFIG"


def home(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    # HOME first (also on Windows when set) so a test's temporary HOME wins over the real one.
    value = env.get("HOME") or env.get("USERPROFILE")
    return Path(value) if value else Path.home()


def _xdg(environ: Mapping[str, str], var: str, fallback: str) -> Path:
    value = environ.get(var, "")
    # The XDG spec says relative values are invalid and must be ignored.
    if value and os.path.isabs(value):
        return Path(value)
    return home(environ) / fallback


def config_home(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_CONFIG_HOME (default ~/.config); also where systemd looks for user units."""
    env = os.environ if environ is None else environ
    return _xdg(env, "XDG_CONFIG_HOME", ".config")


def default_config_file(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    env = os.environ if environ is None else environ
    if (platform or sys.platform) == "win32" and env.get("APPDATA"):
        return Path(env["APPDATA"]) / APP / "config.toml"
    return config_home(env) / APP / "config.toml"


def config_file(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The config file in effect: $CLAIMLIGHT_CONFIG if set, else the default location."""
    env = os.environ if environ is None else environ
    explicit = env.get(CONFIG_ENV)
    if explicit:
        return Path(explicit).expanduser()
    return default_config_file(env, platform)


def log_dir(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    env = os.environ if environ is None else environ
    plat = platform or sys.platform
    if plat == "win32" and env.get("LOCALAPPDATA"):
        return Path(env["LOCALAPPDATA"]) / APP / "logs"
    if plat == "darwin":
        return home(env) / "Library" / "Logs" / APP
    return _xdg(env, "XDG_STATE_HOME", ".local/state") / APP


def state_dir(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """$XDG_STATE_HOME/claimlight (default ~/.local/state/claimlight), on Windows %LOCALAPPDATA%\\claimlight:
    where the local token and the running daemons' state files live."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) == "win32" and env.get("LOCALAPPDATA"):
        return Path(env["LOCALAPPDATA"]) / APP
    return _xdg(env, "XDG_STATE_HOME", ".local/state") / APP


def log_file(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    return log_dir(environ, platform) / f"{APP}.log"
