"""Sender ids replaced by keyed hashes: the same sender gets the same pseudonym within one report,
and without the key (random, never stored) a pseudonym cannot be traced back to a sender id."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Optional


class Pseudonyms:
    def __init__(self, key: Optional[bytes] = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def of(self, sender_id: str) -> str:
        digest = hmac.new(self._key, sender_id.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
        return f"visitor-{digest[:10]}"
