"""Transactions driven by py-consul, a Consul client library, against the agent at argv[1]
(host) and argv[2] (port): KV verbs applied together, a failing op rolling back the whole
transaction (the library raises the 409), a read-only transaction, and a lock taken inside
a transaction with a session the library created."""

import base64
import json
import sys

import consul

host, port = sys.argv[1], int(sys.argv[2])
c = consul.Consul(host=host, port=port)


def b64(text):
    return base64.b64encode(text.encode()).decode()


c.kv.put("py-txn/counter", "1")
_, counter = c.kv.get("py-txn/counter")

done = c.txn.put([
    {"KV": {"Verb": "set", "Key": "py-txn/a", "Value": b64("A")}},
    {"KV": {"Verb": "cas", "Key": "py-txn/counter", "Value": b64("2"), "Index": counter["ModifyIndex"]}},
    {"KV": {"Verb": "get", "Key": "py-txn/a"}},
])
assert done["Errors"] is None, done
assert [r["KV"]["Key"] for r in done["Results"]] == ["py-txn/a", "py-txn/counter", "py-txn/a"], done
assert base64.b64decode(done["Results"][2]["KV"]["Value"]) == b"A", done
assert done["Results"][0]["KV"]["ModifyIndex"] == done["Results"][1]["KV"]["ModifyIndex"], done

# A stale CAS in the middle: the library raises the 409, whose body carries the error, and the
# set before it was not applied.
try:
    c.txn.put([
        {"KV": {"Verb": "set", "Key": "py-txn/b", "Value": b64("B")}},
        {"KV": {"Verb": "cas", "Key": "py-txn/counter", "Value": b64("3"), "Index": counter["ModifyIndex"]}},
    ])
    raise AssertionError("a stale CAS was applied")
except consul.exceptions.ClientError as e:
    text = str(e)
    assert text.startswith("409 "), text
    body = json.loads(text[4:])
    assert body["Results"] is None, body
    assert body["Errors"] == [{"OpIndex": 1, "What": 'failed to set key "py-txn/counter", index is stale'}], body
_, missing = c.kv.get("py-txn/b")
assert missing is None, missing

# Reads alone.
read = c.txn.put([{"KV": {"Verb": "get-tree", "Key": "py-txn/"}}, {"KV": {"Verb": "check-not-exists", "Key": "py-txn/b"}}])
assert [r["KV"]["Key"] for r in read["Results"]] == ["py-txn/a", "py-txn/counter"], read

# A lock inside a transaction, with a session the library made; another session is refused.
holder = c.session.create(name="py-txn-holder", lock_delay=0)
other = c.session.create(name="py-txn-other", lock_delay=0)
locked = c.txn.put([{"KV": {"Verb": "lock", "Key": "py-txn/leader", "Value": b64("me"), "Session": holder}}])
assert locked["Results"][0]["KV"]["Session"] == holder, locked
try:
    c.txn.put([{"KV": {"Verb": "lock", "Key": "py-txn/leader", "Session": other}}])
    raise AssertionError("a held lock was taken")
except consul.exceptions.ClientError as e:
    assert "lock is already held" in str(e), str(e)
_, entry = c.kv.get("py-txn/leader")
assert entry["Session"] == holder and entry["LockIndex"] == 1, entry
c.session.destroy(holder)
c.session.destroy(other)
print("ok")
