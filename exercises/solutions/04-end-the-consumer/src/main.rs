//! 연습 04의 풀이 — Exercise 04, a solution: main drops its own sender.

use common::say;
use std::thread;

fn main() {
    let (q_put, q) = crossbeam_channel::unbounded::<String>();
    let consumer = thread::spawn(move || {
        let mut count = 0;
        for message in q {
            say!("got {message}");
            count += 1;
        }
        say!("consumer done: {count} messages");
    });
    let mut producers = Vec::new();
    for p in 0..3 {
        let q_put = q_put.clone();
        producers.push(thread::spawn(move || {
            for i in 0..5 {
                q_put.send(format!("message {i} from producer {p}")).expect("put");
            }
        }));
    }
    drop(q_put); // the last sender is the producers': when they end, the channel closes
    for producer in producers {
        producer.join().expect("a producer panicked");
    }
    consumer.join().expect("the consumer panicked");
}
