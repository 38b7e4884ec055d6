//! How a stranger speaks to the manager by hand (its address and key read off a proxy, the frame,
//! the HMAC answer), and what the manager's process spends while it waits (CPU, switches, memory).

use super::*;

/// The manager's address and key, read from a proxy as any process it is sent to reads it
/// (postcard: the name's length and bytes, then the 32-byte key).
pub fn address_of<T: serde::Serialize>(proxy: &T) -> (String, [u8; 32]) {
    let bytes = postcard::to_stdvec(proxy).expect("a proxy serializes");
    let length = usize::from(bytes[0]);
    let name = String::from_utf8(bytes[1..1 + length].to_vec()).expect("a name");
    let key = bytes[1 + length..1 + length + 32]
        .try_into()
        .expect("a key");
    (name, key)
}

pub fn connect(name: &str) -> UnixStream {
    let addr = SocketAddr::from_abstract_name(name.as_bytes()).expect("an abstract name");
    UnixStream::connect_addr(&addr).expect("connect to the manager")
}

pub fn hmac(key: &[u8; 32], challenge: &[u8]) -> Vec<u8> {
    let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key).expect("a key");
    mac.update(challenge);
    mac.finalize().into_bytes().to_vec()
}

pub fn read_frame(stream: &mut UnixStream) -> std::io::Result<Vec<u8>> {
    let mut length = [0u8; 4];
    stream.read_exact(&mut length)?;
    let mut body = vec![0u8; u32::from_le_bytes(length) as usize];
    stream.read_exact(&mut body)?;
    Ok(body)
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut frame = (body.len() as u32).to_le_bytes().to_vec();
    frame.extend_from_slice(body);
    frame
}

/// A connection that has answered the challenge with the key, as a proxy does.
pub fn keyed(name: &str, key: &[u8; 32]) -> UnixStream {
    let mut stream = connect(name);
    let challenge = read_frame(&mut stream).expect("the challenge");
    let mut answer = hmac(key, &challenge);
    answer.extend_from_slice(&[7u8; 32]); // our challenge to the manager
    stream.write_all(&frame(&answer)).expect("answer");
    let verdict = read_frame(&mut stream).expect("the verdict");
    assert_eq!(verdict[0], 0, "welcome");
    assert_eq!(
        verdict[1..],
        hmac(key, &[7u8; 32]),
        "the manager knows the key"
    );
    stream
}

/// `Request::Call { object, op: Op::Items }` in postcard: Call is variant 1, Items variant 3.
pub fn items_request(object: u8) -> Vec<u8> {
    frame(&[1, object, 3])
}

/// The manager's CPU time so far (user + system, from `/proc/PID/stat`).
pub fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the manager's stat");
    let after_name = &stat[stat.rfind(')').expect("stat") + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: u64 =
        fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
    Duration::from_millis(ticks * 10) // USER_HZ is 100 on Linux
}

/// How many times the manager has been switched out so far, whether it went to sleep or was
/// made to give the CPU up (`/proc/PID/status`). A process that looks for work without
/// sleeping and yields the CPU between looks shows it here when the machine is busy (each
/// yield to another task counts); when it is idle, it shows in the CPU time.
pub fn switches(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    (status.lines())
        .filter(|l| l.contains("ctxt_switches:"))
        .map(|l| {
            l.split_whitespace()
                .last()
                .and_then(|n| n.parse::<u64>().ok())
                .expect("a count")
        })
        .sum()
}

/// The manager's resident memory.
pub fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .expect("VmRSS");
    line.split_whitespace()
        .nth(1)
        .expect("kB")
        .parse()
        .expect("a number")
}
