"""The test servers' ports: below the kernel's ephemeral range, bindable, never handed out twice.

A port from bind(0) lies in the range outgoing connections take their local ports
from, and once a client connection took one between the pick and a Rasa server's
bind ("address already in use", a red CI run).
"""
import socket

from rasa_project.launcher import _ephemeral_range_start, free_port


def test_ports_are_below_the_ephemeral_range_distinct_and_bindable():
    ports = [free_port() for _ in range(200)]
    assert len(set(ports)) == len(ports)
    assert max(ports) < _ephemeral_range_start()
    for port in ports[:20]:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", port))


def test_a_port_someone_listens_on_is_not_handed_out(monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        picks = iter([busy, busy, 20000 if busy != 20000 else 20001])
        monkeypatch.setattr("rasa_project.launcher._ephemeral_range_start", lambda: 65000)
        monkeypatch.setattr("rasa_project.launcher._PORTS_HANDED_OUT", set())
        monkeypatch.setattr("rasa_project.launcher.random.randint", lambda low, high: next(picks))
        assert free_port() != busy
