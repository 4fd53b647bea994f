"""Opens N TCP connections from a local source address to host:port without sending a byte,
prints "held N", then waits for commands on stdin:

  closed   waits until the server has closed every one of them, then prints "closed N"

and exits when stdin closes (which closes the connections).

usage: hold_connections.py SOURCE_IP HOST:PORT N
"""
import os
import resource
import selectors
import socket
import sys

# Linux: choose the source port at connect(), not bind(); binding first makes each bind scan
# every port in use, which is quadratic over thousands of connections.
IP_BIND_ADDRESS_NO_PORT = 24

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
host, port = target.rsplit(":", 1)
held = []


def connect_batch(n):
    """Opens n connections at once (a refused SYN's one-second retry then overlaps the others)."""
    selector = selectors.DefaultSelector()
    for _ in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1)
        s.bind((source, 0))
        s.setblocking(False)
        s.connect_ex((host, int(port)))
        selector.register(s, selectors.EVENT_WRITE)
    pending = n
    while pending:
        for key, _ in selector.select():
            s = key.fileobj
            selector.unregister(s)
            pending -= 1
            error = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if error:
                sys.exit(f"connecting to {target} failed: {os.strerror(error)}")
            s.setblocking(True)
            held.append(s)


while len(held) < count:
    connect_batch(min(1000, count - len(held)))
print(f"held {len(held)}", flush=True)

for command in sys.stdin:
    if command.strip() == "closed":
        selector = selectors.DefaultSelector()
        for s in held:
            selector.register(s, selectors.EVENT_READ)
        open_ = len(held)
        while open_:
            for key, _ in selector.select():
                try:
                    data = key.fileobj.recv(4096)
                except ConnectionError:
                    data = b""
                if not data:
                    selector.unregister(key.fileobj)
                    open_ -= 1
        print(f"closed {len(held)}", flush=True)
