"""Free loopback ports and a tiny JSON-over-HTTP client for talking to the real servers."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any, Dict, List, Optional, Tuple

from rasa_project.launcher import free_port

__all__ = ["RestClient", "free_port", "listening_addresses", "post_json"]


def post_json(url: str, body: Any, timeout: float = 60.0, raw: Optional[bytes] = None) -> Tuple[int, Any]:
    """POST ``body`` as JSON (or ``raw`` bytes as they are); return (status, parsed JSON or text)."""
    data = raw if raw is not None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            status, payload = reply.status, reply.read()
    except urllib.error.HTTPError as error:
        status, payload = error.code, error.read()
    try:
        return status, json.loads(payload or b"null")
    except ValueError:
        return status, payload.decode("utf-8", "replace")


class RestClient:
    """Talks to the advisor through the REST channel as one user."""

    def __init__(self, rasa_url: str, sender: str) -> None:
        self.url = f"{rasa_url}/webhooks/rest/webhook"
        self.sender = sender

    def say(self, text: str) -> List[Dict[str, Any]]:
        status, messages = post_json(self.url, {"sender": self.sender, "message": text})
        assert status == 200, (status, messages)
        return messages

    def say_text(self, text: str) -> str:
        """Everything the bot answered, as one string."""
        return "\n".join(m.get("text", "") for m in self.say(text))


def listening_addresses(port: int) -> List[str]:
    """The local addresses of every TCP socket listening on ``port`` on this machine (Linux ``/proc/net``)."""
    import ipaddress

    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table, encoding="ascii").read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state != "0A" or int(port_hex, 16) != port:  # 0A: LISTEN
                continue
            raw = bytes.fromhex(address)
            # /proc prints each 32-bit word in host (little-endian) order.
            raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
            found.append(str(ipaddress.ip_address(raw)))
    return found
