"""Process figures read from Linux: peak resident memory and the wall time of a command.

``/proc/<pid>/status`` gives ``VmHWM``, the peak resident set of a live process;
``os.wait4`` gives the peak of a finished one. No psutil needed.
"""
from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

KIB_PER_MIB = 1024


def _parent_of(pid: int) -> Optional[int]:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    return int(stat.rsplit(")", 1)[1].split()[1])


def descendants(pid: int) -> List[int]:
    """Every live process below ``pid`` (children, grandchildren, ...)."""
    parents: Dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            parent = _parent_of(int(entry))
            if parent is not None:
                parents[int(entry)] = parent
    found: List[int] = []
    frontier = [pid]
    while frontier:
        current = frontier.pop()
        children = [child for child, parent in parents.items() if parent == current]
        found.extend(children)
        frontier.extend(children)
    return found


def status_kib(pid: int, field: str) -> int:
    """A ``kB`` field (``VmHWM``, ``VmRSS``) of ``/proc/<pid>/status``; 0 if the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_rss_mib(pid: int) -> float:
    """Peak resident memory of ``pid`` plus that of each live descendant, in MiB.

    A sum of peaks: an upper bound on the tree's peak when its processes peaked at different times.
    """
    return sum(status_kib(p, "VmHWM") for p in [pid, *descendants(pid)]) / KIB_PER_MIB


@dataclass(frozen=True)
class TimedRun:
    """How a finished command went."""

    seconds: float
    peak_rss_mib: float
    returncode: int


def run_timed(command: Sequence[str], cwd: Path, env: Dict[str, str], log: Path, timeout: float) -> TimedRun:
    """Run ``command`` to the end (output to ``log``), timing it and reading its peak memory.

    The peak is ``ru_maxrss`` from ``wait4``: the largest resident set of the process
    or of any descendant it waited for.

    Raises:
        TimeoutError: the command ran longer than ``timeout`` seconds (it is killed).
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        started = time.monotonic()
        process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                raise TimeoutError(f"{command[0]} ran over {timeout:.0f}s; see {log}")
            time.sleep(0.2)
        seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return TimedRun(seconds, usage.ru_maxrss / KIB_PER_MIB, process.returncode)
