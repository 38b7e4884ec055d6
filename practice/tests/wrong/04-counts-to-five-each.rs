//! Wrong: the consumer counts to producers × 5 and stops, while main keeps its sender (the
//! learner's trial: every producer always sent exactly 5).
//! Named: Do not count: stop when the channel closes

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
        for message in q.iter().take(producers * 5) {
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
    consumer.join().expect("the consumer panicked")
}

fn main() {
    produce_and_consume(3, produce);
}
