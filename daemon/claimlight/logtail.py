"""`tail -n N [-f]` for the daemon's log file, in Python so it also works where there is no tail (Windows)."""

from __future__ import annotations

import sys
import time
from collections import deque
from pathlib import Path
from typing import TextIO


def last_lines(path: Path, count: int) -> list[str]:
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        return list(deque(fh, maxlen=count))


def tail(path: Path, lines: int = 100, follow: bool = False, out: TextIO | None = None, poll_s: float = 0.5) -> int:
    out = out or sys.stdout
    if not path.exists() and not follow:
        print(f"claimlight: no log file yet at {path}", file=sys.stderr)
        return 1
    position, identity = 0, None
    if path.exists():
        out.writelines(last_lines(path, lines))
        out.flush()
        st = path.stat()
        position, identity = st.st_size, (st.st_dev, st.st_ino)
    while follow:
        time.sleep(poll_s)
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        # RotatingFileHandler renames the file away: a new inode or a shorter file means start over.
        if (st.st_dev, st.st_ino) != identity or st.st_size < position:
            position, identity = 0, (st.st_dev, st.st_ino)
        if st.st_size > position:
            with path.open("r", encoding="utf-8", errors="replace") as fh:
                fh.seek(position)
                out.write(fh.read())
                position = fh.tell()
            out.flush()
    return 0

