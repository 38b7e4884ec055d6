//! The trace's own format: one JSON object an event, and a bad line named.

use super::*;

#[test]
fn an_event_is_one_json_object_with_exactly_the_documented_fields() {
    let event = Event {
        t_ns: 7,
        pid: 10,
        ppid: 9,
        process: "SubProcess".into(),
        thread: "thread 3".into(),
        msg: "say \"hi\"\tand 안녕".into(),
        kind: Kind::Say,
        exitcode: None,
        shared: None,
        unlocked: None,
        locked: None,
        received: None,
        proxy_writes: None,
        child: None,
        daemon: None,
        usage: None,
        watched: None,
    };
    let line = event.to_json_line();
    assert!(line.ends_with('\n') && !line[..line.len() - 1].contains('\n'));
    let value: serde_json::Value = serde_json::from_str(&line).expect("valid JSON");
    let object = value.as_object().expect("an object");
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 7);
    for key in ["t_ns", "pid", "ppid", "process", "thread", "msg", "kind"] {
        assert!(object.contains_key(key), "missing {key} in {line}");
    }
    assert_eq!(object["msg"], "say \"hi\"\tand 안녕");
    assert_eq!(object["kind"], "say");
    assert_eq!(
        serde_json::from_str::<Event>(&line).expect("round trip"),
        event
    );
}

#[test]
fn read_names_the_bad_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("trace.jsonl");
    let good = Event {
        t_ns: 1,
        pid: 2,
        ppid: 1,
        process: "MainProcess".into(),
        thread: "main".into(),
        msg: "ok".into(),
        kind: Kind::Say,
        exitcode: None,
        shared: None,
        unlocked: None,
        locked: None,
        received: None,
        proxy_writes: None,
        child: None,
        daemon: None,
        usage: None,
        watched: None,
    };
    std::fs::write(&path, good.to_json_line() + "not json\n").expect("write");
    let error = read(&path).expect_err("line 2 is bad");
    assert!(error.to_string().contains(":2:"), "{error}");
}
