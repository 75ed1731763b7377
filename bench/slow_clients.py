#!/usr/bin/env python3
"""Holds N idle keep-alive connections and M slow clients against a server for a while.

Idle: each sends one request, reads the answer and then stays connected without a word.
Slow: each sends a request one byte every half second (a slowloris); when the server
closes it (its read timeout), it reconnects. Used by bench/run to measure how much the p99
of ordinary clients rises while these are open. Loopback only.
"""
import socket
import sys
import time


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    idle_n, slow_n, seconds = int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("slow_clients: loopback addresses only")
    request = b"GET /api/v1/stats HTTP/1.1\r\nHost: bench\r\n\r\n"
    idle = []
    for _ in range(idle_n):
        s = socket.create_connection((host, port))
        s.sendall(request)
        s.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            data += s.recv(65536)
        idle.append(s)
    slow_request = b"GET /search?q=treaty HTTP/1.1\r\nHost: bench\r\nX-Slow: " + b"a" * 200 + b"\r\n\r\n"
    slow = [[None, 0] for _ in range(slow_n)]
    reconnects = 0
    end = time.time() + seconds
    print(f"slow_clients: {len(idle)} idle keep-alive connections open", flush=True)
    while time.time() < end:
        for entry in slow:
            try:
                if entry[0] is None:
                    entry[0] = socket.create_connection((host, port))
                    entry[1] = 0
                    reconnects += 1
                entry[0].send(slow_request[entry[1]:entry[1] + 1])
                entry[1] = (entry[1] + 1) % len(slow_request)
            except OSError:
                entry[0] = None
        time.sleep(0.5)
    alive = 0
    for s in idle:
        s.setblocking(False)
        try:
            while s.recv(65536):  # the rest of the first answer, if any
                pass
            # recv() returned b"": the server closed this connection
        except BlockingIOError:
            alive += 1  # nothing more to read and still open
        except OSError:
            pass
    print(f"slow_clients: done; {alive}/{idle_n} idle connections still open, {reconnects} slow connects")


if __name__ == "__main__":
    main()
