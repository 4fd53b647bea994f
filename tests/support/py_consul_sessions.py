"""Sessions and KV locks driven by py-consul, a Consul client library, against the agent at
argv[1] (host) and argv[2] (port), as an application using it would; exits non-zero (with the
failed assertion) when fedctl answers otherwise than Consul would."""

import sys
import threading

import consul

host, port = sys.argv[1], int(sys.argv[2])
c = consul.Consul(host=host, port=port)

# A session with the library's defaults (serfHealth, lock-delay 15 s, release), and one with
# every option the library has.
first = c.session.create(name="py-first")
second = c.session.create(name="py-second", lock_delay=0, behavior="delete", ttl=10)
_, info = c.session.info(second)
assert info["Name"] == "py-second", info
assert info["Behavior"] == "delete", info
assert info["TTL"] == "10s", info
assert info["LockDelay"] == 0, info
assert info["NodeChecks"] == ["serfHealth"], info
_, sessions = c.session.list()
assert {s["ID"] for s in sessions} >= {first, second}, sessions
_, on_node = c.session.node(info["Node"])
assert {s["ID"] for s in on_node} >= {first, second}, on_node
renewed = c.session.renew(second)
assert renewed["ID"] == second, renewed

# A lock: taken by one session, refused to the other, released, then taken by the other.
assert c.kv.put("py/leader", "first", acquire=first) is True
index, entry = c.kv.get("py/leader")
assert entry["Session"] == first and entry["LockIndex"] == 1, entry
assert c.kv.put("py/leader", "second", acquire=second) is False
assert c.kv.put("py/leader", "first-done", release=first) is True
_, entry = c.kv.get("py/leader")
assert "Session" not in entry or not entry["Session"], entry
assert entry["Value"] == b"first-done", entry
assert c.kv.put("py/leader", "second", acquire=second) is True

# A watcher blocked on the key wakes when the holder's session (behavior delete) is destroyed.
index, _ = c.kv.get("py/leader")
woken = {}


def watch():
    woken["index"], woken["entry"] = c.kv.get("py/leader", index=index, wait="30s")


watcher = threading.Thread(target=watch)
watcher.start()
assert c.session.destroy(second) is True
watcher.join(35)
assert not watcher.is_alive(), "the blocking read never returned"
assert woken["entry"] is None, woken
assert woken["index"] != index, woken
_, gone = c.session.info(second)
assert gone is None, gone
assert c.session.destroy(first) is True
print("ok")
