"""``rasa`` with the HTTP API token read from the environment instead of the command line.

Any user of the machine can read a process's command line (``ps``, ``/proc/<pid>/cmdline``),
but only its owner can read its environment. The launcher therefore starts the Rasa server as
``python -m rasa_project.rasa_cli run ...`` with ``RASA_API_TOKEN`` set for that one child, and
this module adds ``--enable-api --auth-token=<token>`` to the arguments inside the process.
"""
from __future__ import annotations

import sys
from typing import List

from rasa_project.settings import current


def arguments_with_api(arguments: List[str], api_token: str) -> List[str]:
    """``arguments`` plus the HTTP API options when a token is set; the API stays off without one."""
    # "=" keeps a token that begins with "-" from being read as another option.
    return [*arguments, "--enable-api", f"--auth-token={api_token}"] if api_token else list(arguments)


def main() -> None:
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *arguments_with_api(sys.argv[1:], current().api_token)]
    rasa_main()


if __name__ == "__main__":
    main()
