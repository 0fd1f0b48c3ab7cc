#!/usr/bin/env python3
"""Slow clients for scripts/load.sh, run beside wrk.

    slow.py HOST:PORT SECONDS HEADER_TIMEOUT BODY_TIMEOUT [CLIENTS]

For SECONDS, keeps CLIENTS (default 8) connections of each kind open, each
replaced by a new one when it ends:

- dribblers send a request head one byte a second: the server must close the
  connection within HEADER_TIMEOUT (plus slack) and never answer 200;
- stallers send a POST head with `Content-Length: 100` and 9 bytes of body:
  the server must answer a 408 `body_timeout` problem within BODY_TIMEOUT
  (plus slack) and close the connection.

Prints one `SLOW key=value ...` line and exits 1 if any client saw something
else. Standard library only (socket, threading).
"""

import socket
import sys
import threading
import time

SLACK = 2.0
# The demo limits writes per client address; from their own loopback address
# the slow clients spend their own bucket, not wrk's.
SOURCE = ("127.0.0.2", 0)


def dribble(address, deadline, header_timeout, results, lock):
    head = b"GET /health HTTP/1.1\r\nhost: load\r\nx-slow: " + b"a" * 64 + b"\r\n\r\n"
    started = time.monotonic()
    outcome = "cut"
    try:
        with socket.create_connection(address, timeout=header_timeout + SLACK + 1, source_address=SOURCE) as sock:
            for byte in head:
                try:
                    sock.sendall(bytes([byte]))
                except OSError:
                    break
                sock.settimeout(1.0)
                try:
                    data = sock.recv(4096)
                except socket.timeout:
                    if time.monotonic() - started > header_timeout + SLACK:
                        outcome = "held"
                        break
                    continue
                except OSError:
                    break
                if not data:
                    break
                if b" 200 " in data.split(b"\r\n", 1)[0]:
                    outcome = "served"
                break
    except OSError:
        outcome = "refused"
    took = time.monotonic() - started
    if outcome == "cut" and took > header_timeout + SLACK:
        outcome = "late"
    with lock:
        results.append(("dribble", outcome, took))


def stall(address, body_timeout, results, lock):
    head = (
        b"POST /items HTTP/1.1\r\nhost: load\r\ncontent-type: application/json\r\n"
        b"content-length: 100\r\n\r\n{\"name\":"
    )
    started = time.monotonic()
    outcome = "no-answer"
    try:
        with socket.create_connection(address, timeout=body_timeout + SLACK, source_address=SOURCE) as sock:
            sock.sendall(head)
            answer = b""
            while True:
                try:
                    data = sock.recv(4096)
                except OSError:
                    break
                if not data:
                    break
                answer += data
            status = answer.split(b"\r\n", 1)[0]
            if (
                b" 408 " in status
                and b"application/problem+json" in answer
                and b'"code":"body_timeout"' in answer
            ):
                outcome = "408"
            elif answer:
                outcome = "other:" + status.decode("latin-1")
    except OSError:
        outcome = "refused"
    took = time.monotonic() - started
    if outcome == "408" and took > body_timeout + SLACK:
        outcome = "late"
    with lock:
        results.append(("stall", outcome, took))


def keep(kind, address, deadline, header_timeout, body_timeout, results, lock):
    while time.monotonic() < deadline:
        if kind == "dribble":
            dribble(address, deadline, header_timeout, results, lock)
        else:
            stall(address, body_timeout, results, lock)


def main():
    if len(sys.argv) not in (5, 6):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    host, port = sys.argv[1].rsplit(":", 1)
    address = (host, int(port))
    seconds, header_timeout, body_timeout = (float(arg) for arg in sys.argv[2:5])
    clients = int(sys.argv[5]) if len(sys.argv) == 6 else 8
    deadline = time.monotonic() + seconds
    results, lock = [], threading.Lock()
    threads = [
        threading.Thread(
            target=keep,
            args=(kind, address, deadline, header_timeout, body_timeout, results, lock),
            daemon=True,
        )
        for kind in ("dribble", "stall")
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    def count(kind, outcome=None):
        return sum(1 for k, o, _ in results if k == kind and (outcome is None or o == outcome))

    def worst(kind, outcome):
        times = [t for k, o, t in results if k == kind and o == outcome]
        return f"{max(times):.2f}" if times else "-"

    bad = [(k, o, round(t, 2)) for k, o, t in results if o not in ("cut", "408")]
    print(
        f"SLOW dribblers={count('dribble')} cut={count('dribble', 'cut')} "
        f"worst_cut_s={worst('dribble', 'cut')} stallers={count('stall')} "
        f"answered_408={count('stall', '408')} worst_408_s={worst('stall', '408')} "
        f"unexpected={len(bad)}"
    )
    for item in bad[:10]:
        print("SLOW unexpected", *item)
    return 1 if bad or not results else 0


if __name__ == "__main__":
    sys.exit(main())
