//! Wrong (from the blind review): main keeps its sender, joins the producers, then sends an end
//! marker that stops the consumer (Python's `q.put(None)` sentinel): the channel never closes,
//! and a sender that outlives its producer's thread (the checker's courier) is cut off.
//! Named: end marker

use common::say;
use crossbeam_channel::Sender;
use std::thread;

/// A producer thread's work: five messages.
fn produce(q_put: Sender<String>, p: usize) {
    for i in 0..5 {
        q_put
            .send(format!("message {i} from producer {p}"))
            .expect("put");
    }
}

/// `producers` threads run `produce`, one consumer thread prints every message; how many it got.
pub fn produce_and_consume(producers: usize, produce: fn(Sender<String>, usize)) -> usize {
    let (q_put, q) = crossbeam_channel::unbounded::<String>();
    let consumer = thread::spawn(move || {
        let mut count = 0;
        for message in q {
            if message == "END" {
                break;
            }
            say!("got {message}");
            count += 1;
        }
        say!("consumer done: {count} messages");
        count
    });
    let mut threads = Vec::new();
    for p in 0..producers {
        let q_put = q_put.clone();
        threads.push(thread::spawn(move || produce(q_put, p)));
    }
    for producer in threads {
        producer.join().expect("a producer panicked");
    }
    q_put.send("END".to_string()).expect("the end marker");
    consumer.join().expect("the consumer panicked")
}

fn main() {
    produce_and_consume(3, produce);
}
