//! 5. 멀티프로세싱과 PyQt — a producer process, a consumer thread, and a window (notes §5).
//!
//! Run: `cargo run -p gui-queue` on a desktop, or `xvfb-run cargo run -p gui-queue` headless.
//! Notice: the status bar at the bottom of the window shows a new date-time every second. The
//! producer is a daemon child process that puts them on an `ipc-channel` queue; a consumer thread
//! in the window's process takes each one and hands it to the GUI thread. Close the window and
//! both are gone.

use common::process::Process;
use common::trace::Kind;
use common::{current_process, say, sleep_secs};
use eframe::egui;
use ipc_channel::ipc::{self, IpcReceiver, IpcSender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

/// Python's `producer(q)`: the current date-time on the queue, every second.
fn producer(q: IpcSender<String>) {
    let proc = current_process();
    say!("{}", proc.name);
    loop {
        // Python's `str(datetime.datetime.now())`: local time, microseconds.
        let now = chrono::Local::now();
        let data = now.format("%Y-%m-%d %H:%M:%S%.6f").to_string();
        if q.send(data).is_err() {
            return; // the window's process is gone: nobody is left to read
        }
        sleep_secs(1.0);
    }
}

/// The item the consumer last handed over, for the GUI thread to show. Qt's signal carries the
/// string to the GUI thread; egui's way is shared state plus a request to repaint.
type Latest = Arc<Mutex<Option<String>>>;

/// Python's `Consumer(QThread).run`, on a thread named "consumer".
///
/// The notes' loop spins on `q.empty()`, keeping a core busy while it waits; `recv` blocks
/// instead, so the thread sleeps until an item arrives. It ends when the producer is gone.
fn start_consumer(
    q: IpcReceiver<String>,
    latest: Latest,
    ctx: egui::Context,
) -> thread::JoinHandle<()> {
    thread::Builder::new()
        .name("consumer".into())
        .spawn(move || {
            while let Ok(data) = q.recv() {
                common::trace::record(Kind::Handoff, &data);
                *latest.lock().unwrap_or_else(PoisonError::into_inner) = Some(data);
                ctx.request_repaint(); // self.poped.emit(data)
            }
        })
        .expect("spawn the consumer thread")
}

/// Python's `MyWindow(QMainWindow)`: an empty window with a status bar.
struct MyWindow {
    latest: Latest,
}

impl MyWindow {
    /// Starts the consumer, as the notes' `__init__` does.
    fn new(q: IpcReceiver<String>, ctx: &egui::Context) -> Self {
        let latest = Latest::default();
        start_consumer(q, Arc::clone(&latest), ctx.clone());
        MyWindow { latest }
    }

    /// The window's contents: an empty central area and the status bar.
    fn show(&self, ui: &mut egui::Ui) {
        // Python's `print_data` slot: `self.statusBar().showMessage(data)`.
        let status = self
            .latest
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        egui::Panel::bottom("status bar").show(ui, |ui| {
            ui.label(status.unwrap_or_default());
        });
        egui::CentralPanel::default().show(ui, |_ui| {});
    }
}

impl eframe::App for MyWindow {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let (q_put, q) = ipc::channel::<String>().expect("create the queue");

    // producer process: started first, while this process has one thread (the window and the
    // consumer bring threads of their own, and `fork` copies only the calling thread).
    let mut p = Process::target(producer, q_put)
        .name("producer")
        .daemon(true);
    p.start().expect("start the producer");

    // Main process
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("gui-queue")
            .with_position([200.0, 200.0])
            .with_inner_size([300.0, 200.0]),
        ..Default::default()
    };
    let shown = eframe::run_native(
        "gui-queue",
        options,
        Box::new(|creation| Ok(Box::new(MyWindow::new(q, &creation.egui_ctx)))),
    );
    if let Err(error) = shown {
        eprintln!("error: cannot open the window: {error}");
        eprintln!("(no display? run it headless: xvfb-run cargo run -p gui-queue)");
        std::process::exit(1);
    }
    // The window was closed: `main` returns, and the exit rule terminates the daemon producer.
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::time::{Duration, Instant};

    /// Steps the UI until the status bar shows `text`, or fails after 10 s.
    fn wait_for_status(harness: &mut Harness<'_, MyWindow>, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while harness.query_by_label(text).is_none() {
            assert!(
                Instant::now() < deadline,
                "the status bar never showed {text:?}"
            );
            thread::sleep(Duration::from_millis(5));
            harness.run();
        }
    }

    /// Items travel the real path: an ipc-channel queue, the consumer thread, the shared state,
    /// and the window's status bar, found by its text.
    #[test]
    fn the_status_bar_shows_each_item_the_consumer_hands_over() {
        let (q_put, q) = ipc::channel::<String>().expect("queue");
        let latest = Latest::default();
        let window = MyWindow {
            latest: Arc::clone(&latest),
        };
        let mut harness = Harness::builder()
            .with_size([300.0, 200.0])
            .build_ui_state(|ui, window: &mut MyWindow| window.show(ui), window);
        let consumer = start_consumer(q, latest, harness.ctx.clone());
        harness.run();

        for item in ["2022-10-23 12:00:00.000001", "2022-10-23 12:00:01.000002"] {
            q_put.send(item.to_owned()).expect("put");
            wait_for_status(&mut harness, item);
        }
        // Only the latest item is shown.
        assert!(
            harness
                .query_by_label("2022-10-23 12:00:00.000001")
                .is_none()
        );

        // With the producer's end gone, the consumer thread ends.
        drop(q_put);
        consumer.join().expect("the consumer ends");
    }
}
