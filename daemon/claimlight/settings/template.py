"""The commented config file `claimlight config init` writes: every setting, at its default, commented out.

Generated from the Config model so it cannot drift from the fields the daemon reads.
"""

from __future__ import annotations

import json

from .config import FIELDS, Config, env_var


def toml_value(value: object) -> str:
    # JSON string escaping is a subset of TOML basic strings, and lists of scalars read the same.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def render_default_config() -> str:
    defaults = Config()
    out = [
        "# claimlight daemon configuration (TOML).",
        "# Every setting is shown at its default, commented out: uncomment a line to change it.",
        "# Precedence: defaults < this file < CLAIMLIGHT_* environment variables < command-line flags.",
        "# `claimlight config show` prints the effective values and where each one came from.",
        "",
    ]
    for field in FIELDS:
        info = Config.model_fields[field]
        value = getattr(defaults, field)
        if info.description:
            out.append(f"# {info.description}")
        out.append(f"# (environment: {env_var(field)})")
        if value is None:
            out.append(f'# {field} = ""')
        else:
            out.append(f"# {field} = {toml_value(value)}")
        out.append("")
    return "\n".join(out)
