//! Ten clients contend for one KV lock in a datacenter of three durable servers, each with
//! its own session, asking through the servers in turn: every holding is recorded (acquire
//! answered, lock index read, release asked), and the full history shows no two holders at
//! once and a distinct, rising lock index per holding (the fencing token).

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::sync::Mutex;

use crate::support::agent::three_servers;

const CLIENTS: usize = 10;
const HOLDINGS_EACH: usize = 3;

/// The JSON answer of `request`.
async fn json_of(request: reqwest::RequestBuilder) -> Value {
    request.send().await.unwrap().json().await.unwrap()
}

/// One holding of the lock, as its client saw it.
#[derive(Debug, Clone)]
struct Holding {
    client: usize,
    /// When the acquire answered true.
    acquired: Duration,
    /// When the release was asked.
    releasing: Duration,
    lock_index: u64,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_clients_never_hold_one_lock_at_once() {
    let dir = crate::support::temp_dir();
    let servers = three_servers(dir.path()).await;
    let bases: Vec<String> = servers.iter().map(|s| s.base.clone()).collect();
    let http = reqwest::Client::new();
    let started = Instant::now();
    let history = Arc::new(Mutex::new(Vec::<Holding>::new()));
    let mut tasks = Vec::new();
    for client in 0..CLIENTS {
        let (http, bases, history) = (http.clone(), bases.clone(), history.clone());
        tasks.push(tokio::spawn(async move {
            let base = |i: usize| bases[(client + i) % bases.len()].clone();
            // Sessions on s0's node without checks (a gossip flap on a loaded machine must
            // not end them) and without a lock-delay, so hand-offs are as tight as possible.
            let body = json!({"Node": "s0", "Checks": [], "LockDelay": "0s", "Name": format!("client-{client}")});
            let created = json_of(http.put(format!("{}/v1/session/create", base(0))).json(&body)).await;
            let session = created["ID"].as_str().unwrap().to_owned();
            let mut attempt = 0;
            for _ in 0..HOLDINGS_EACH {
                loop {
                    attempt += 1;
                    let url = format!("{}/v1/kv/contended?acquire={session}", base(attempt));
                    let got = http.put(url).body(format!("client-{client}")).send().await.unwrap();
                    let took = got.text().await.unwrap() == "true";
                    let acquired = started.elapsed();
                    if took {
                        let entry = json_of(http.get(format!("{}/v1/kv/contended?consistent", base(attempt)))).await;
                        assert_eq!(entry[0]["Session"], session.as_str(), "the holder reads itself");
                        let lock_index = entry[0]["LockIndex"].as_u64().unwrap();
                        tokio::time::sleep(Duration::from_millis(5)).await;
                        let releasing = started.elapsed();
                        let url = format!("{}/v1/kv/contended?release={session}", base(attempt + 1));
                        let released = http.put(url).send().await.unwrap().text().await.unwrap();
                        assert_eq!(released, "true", "the holder releases");
                        history.lock().await.push(Holding { client, acquired, releasing, lock_index });
                        break;
                    }
                    // Held by another: wait for a change of the key, then try again.
                    let r = http.get(format!("{}/v1/kv/contended", base(attempt))).send().await.unwrap();
                    let index = r.headers()["X-Consul-Index"].to_str().unwrap().to_owned();
                    let url = format!("{}/v1/kv/contended?index={index}&wait=2s", base(attempt));
                    let _ = http.get(url).send().await.unwrap().bytes().await;
                }
            }
        }));
    }
    for t in tasks {
        tokio::time::timeout(Duration::from_secs(120), t).await.expect("the contention finishes").unwrap();
    }
    let mut history = history.lock().await.clone();
    assert_eq!(history.len(), CLIENTS * HOLDINGS_EACH, "every client held it {HOLDINGS_EACH} times");
    history.sort_by_key(|h| h.acquired);
    // Each holding was certainly held from its acquire's answer to its release's request: no
    // two of those intervals overlap.
    for pair in history.windows(2) {
        assert!(pair[0].releasing <= pair[1].acquired, "two holders at once: {:?} and {:?}", pair[0], pair[1]);
    }
    // The lock index is the fencing token: distinct per holding, rising with time.
    for pair in history.windows(2) {
        assert!(pair[0].lock_index < pair[1].lock_index, "lock indexes out of order: {pair:?}");
    }
    assert!(history.iter().map(|h| h.client).collect::<std::collections::BTreeSet<_>>().len() == CLIENTS);
    for s in servers {
        s.stop().await;
    }
}
