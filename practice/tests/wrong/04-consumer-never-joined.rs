// The consumer is never joined: main ends when the producers are done.
use common::say;
use std::thread;
fn main() {
    let (q_put, q) = crossbeam_channel::unbounded::<String>();
    thread::spawn(move || {
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
    drop(q_put);
    for producer in producers {
        producer.join().expect("a producer panicked");
    }
}
