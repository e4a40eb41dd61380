"""The config file and its precedence: defaults < file < CLAIMLIGHT_* environment < flags."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from claimlight import cli
from claimlight.settings.config import (
    DEFAULT_PORT,
    FIELDS,
    Config,
    ConfigError,
    config_sources,
    load_config,
    resolve_config,
)
from claimlight.settings.template import render_default_config


def _write(home: Path, text: str) -> Path:
    path = home / ".config" / "claimlight" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_defaults_without_a_file(home: Path) -> None:
    resolved = resolve_config()
    assert resolved.config == Config()
    assert resolved.path == home / ".config" / "claimlight" / "config.toml"
    assert not resolved.path_exists
    assert set(resolved.sources.values()) == {"default"}


def test_load_config_keeps_its_old_signature(home: Path) -> None:
    assert load_config({"port": 5000, "host": None}).port == 5000
    assert load_config().port == DEFAULT_PORT


def test_precedence_and_sources(home: Path, monkeypatch) -> None:
    path = _write(home, 'port = 1111\nlog_level = "debug"\ncache_size = 7\ncategories = ["quote"]\n')
    monkeypatch.setenv("CLAIMLIGHT_PORT", "2222")
    monkeypatch.setenv("CLAIMLIGHT_LOG_LEVEL", "WARNING")
    monkeypatch.setenv("CLAIMLIGHT_ALLOWED_EXTENSION_IDS", "a" * 32 + " , " + "b" * 32)
    resolved = resolve_config({"port": 3333, "workers": None})
    c = resolved.config
    assert (c.port, c.log_level, c.cache_size, c.categories) == (3333, "warning", 7, ["quote"])
    assert c.allowed_extension_ids == ["a" * 32, "b" * 32]
    assert resolved.sources["port"] == "flag:--port"
    assert resolved.sources["log_level"] == "env:CLAIMLIGHT_LOG_LEVEL"
    assert resolved.sources["allowed_extension_ids"] == "env:CLAIMLIGHT_ALLOWED_EXTENSION_IDS"
    assert resolved.sources["cache_size"] == f"file:{path}"
    assert resolved.sources["workers"] == "default"  # a None flag is "not given"
    assert config_sources({"port": 3333}) == resolved.sources


def test_environ_and_path_arguments(tmp_path: Path, home: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text("port = 4444\n")
    assert load_config(path=other, environ={}).port == 4444
    assert load_config(environ={"CLAIMLIGHT_CONFIG": str(other), "CLAIMLIGHT_WORKERS": "3"}).workers == 3
    assert config_sources(environ={"CLAIMLIGHT_CONFIG": str(other)})["port"] == f"file:{other}"
    assert load_config(environ={"CLAIMLIGHT_TOKEN": ""}).token is None  # empty means unset


def test_every_field_has_an_environment_variable(home: Path) -> None:
    values = {"host": "localhost", "port": "9", "allowed_extension_ids": "c" * 32, "categories": "quote,number",
              "cache_size": "1", "parse_cache_mb": "3", "log_level": "error", "token": "s3cret-token-value", "model": "m",
              "max_text_chars": "10", "max_message_bytes": "2048", "max_connections": "2",
              "max_inflight_per_connection": "3", "max_chars_per_connection": "500", "max_requests_in_flight": "4",
              "max_chars_in_flight": "900", "request_timeout_s": "1.5", "workers": "2", "heartbeat_s": "5"}
    env = {f"CLAIMLIGHT_{k.upper()}": v for k, v in values.items() if k in FIELDS}
    sources = config_sources(environ=env)
    assert all(sources[f] == f"env:CLAIMLIGHT_{f.upper()}" for f in FIELDS if f in values)
    assert set(FIELDS) <= set(values), "a new Config field: add it here"


def test_bad_toml_is_a_clean_error(home: Path) -> None:
    path = _write(home, "port = \n")
    with pytest.raises(ConfigError) as info:
        load_config()
    message = str(info.value)
    assert str(path) in message and "line 1" in message


@pytest.mark.parametrize("text, expected", [
    ("port = 70000\n", "setting `port`"),
    ('port = "eighty"\n', "setting `port`"),
    ('log_level = "loud"\n', "setting `log_level`"),
    ('categories = ["quote", "gossip"]\n', "gossip"),
    ("prot = 1\n", "setting `prot`: unknown setting"),
])
def test_bad_value_names_file_and_field(home: Path, text: str, expected: str) -> None:
    path = _write(home, text)
    with pytest.raises(ConfigError) as info:
        load_config()
    assert f"config file {path}" in str(info.value)
    assert expected in str(info.value)


def test_bad_environment_value_names_the_variable(home: Path) -> None:
    with pytest.raises(ConfigError, match="environment variable CLAIMLIGHT_PORT"):
        load_config(environ={"CLAIMLIGHT_PORT": "x"})


def test_named_config_file_must_exist(tmp_path: Path, home: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(environ={"CLAIMLIGHT_CONFIG": str(tmp_path / "missing.toml")})


def test_cli_bad_config_prints_no_traceback(home: Path, capsys) -> None:
    path = _write(home, "[broken\n")
    assert cli.main(["config", "show"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "Traceback" not in err


def test_config_show_lists_sources_and_hides_the_token(home: Path, monkeypatch, capsys) -> None:
    path = _write(home, 'token = "super-secret-value"\nport = 5555\n')
    monkeypatch.setenv("CLAIMLIGHT_CACHE_SIZE", "9")
    assert cli.main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert "super-secret-value" not in out
    lines = {line.split()[0]: line.split() for line in out.splitlines()[1:]}
    assert lines["token"][1:] == ["set", f"file:{path}"]
    assert lines["port"][1:] == ["5555", f"file:{path}"]
    assert lines["cache_size"][1:] == ["9", "env:CLAIMLIGHT_CACHE_SIZE"]
    assert lines["host"][1:] == ["127.0.0.1", "default"]

    assert cli.main(["config", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["values"]["token"] == "set" and data["sources"]["port"] == f"file:{path}"
    assert data["path"] == str(path) and data["exists"] is True


def test_config_path_and_init(home: Path, capsys) -> None:
    expected = home / ".config" / "claimlight" / "config.toml"
    assert cli.main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(expected)
    assert cli.main(["config", "init"]) == 0
    assert expected.is_file()
    assert resolve_config().config == Config()  # all commented out: the defaults still apply
    assert cli.main(["config", "init"]) == 1  # never clobbers an edited file without --force
    assert cli.main(["config", "init", "--force"]) == 0


def test_template_uncommented_gives_the_defaults() -> None:
    lines = render_default_config().splitlines()
    settings = [l[2:] for l in lines if l.startswith("# ") and " = " in l and not l.startswith("# (")]
    data = tomllib.loads("\n".join(s for s in settings if not s.startswith("token")))
    assert set(data) == set(FIELDS) - {"token"}
    assert Config(**data) == Config()


def test_docs_list_every_environment_variable() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "service.md").read_text()
    missing = [f"CLAIMLIGHT_{f.upper()}" for f in FIELDS if f"`CLAIMLIGHT_{f.upper()}`" not in docs]
    assert not missing, f"docs/service.md does not list {missing}"
