//! 5. 멀티프로세싱과 PyQt — a producer process, a consumer thread, and a window (notes §5).
//!
//! 실행: 데스크톱에서는 `cargo run -p gui-queue`, 화면이 없으면 `xvfb-run cargo run -p gui-queue`.
//! 눈여겨볼 점: 창 아래쪽 상태 표시줄에 1초마다 새 날짜와 시각이 나옵니다. 생산자는 데몬 자식
//! 프로세스로, 그 값을 `ipc-channel` 큐에 넣습니다. 창의 프로세스에 있는 소비자 스레드가 하나씩 꺼내서
//! GUI 스레드에 넘깁니다. 창을 닫으면 둘 다 사라집니다.
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

/// 파이썬의 `producer(q)`: 1초마다 현재 날짜와 시각을 큐에 넣습니다.
/// Python's `producer(q)`: the current date-time on the queue, every second.
fn producer(q: IpcSender<String>) {
    let proc = current_process();
    say!("{}", proc.name);
    loop {
        // 파이썬의 `str(datetime.datetime.now())`: 현지 시각, 마이크로초까지.
        // Python's `str(datetime.datetime.now())`: local time, microseconds.
        let now = chrono::Local::now();
        let data = now.format("%Y-%m-%d %H:%M:%S%.6f").to_string();
        if q.send(data).is_err() {
            return; // 창의 프로세스가 사라짐: 읽을 쪽이 남지 않음 (the window's process is gone: nobody is left to read)
        }
        sleep_secs(1.0);
    }
}

/// 소비자가 마지막으로 넘긴 항목으로, GUI 스레드가 보여 줍니다. Qt에서는 시그널이 문자열을 GUI
/// 스레드로 나르고, egui에서는 공유 상태에 넣고 다시 그려 달라고 요청합니다.
/// The item the consumer last handed over, for the GUI thread to show. Qt's signal carries the
/// string to the GUI thread; egui's way is shared state plus a request to repaint.
type Latest = Arc<Mutex<Option<String>>>;

/// 파이썬의 `Consumer(QThread).run`으로, 이름이 "consumer"인 스레드에서 돕니다.
///
/// 노트의 반복문은 `q.empty()`를 계속 확인하느라 기다리는 동안 코어 하나를 바쁘게 합니다. `recv`는
/// 그러지 않고 멈춰서 기다리므로, 스레드는 항목이 올 때까지 잡니다. 생산자가 사라지면 끝납니다.
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
                ctx.request_repaint(); // 파이썬의 self.poped.emit(data)
            }
        })
        .expect("spawn the consumer thread")
}

/// 파이썬의 `MyWindow(QMainWindow)`: 상태 표시줄이 있는 빈 창.
/// Python's `MyWindow(QMainWindow)`: an empty window with a status bar.
struct MyWindow {
    latest: Latest,
}

impl MyWindow {
    /// 노트의 `__init__`처럼 소비자를 시작합니다.
    /// Starts the consumer, as the notes' `__init__` does.
    fn new(q: IpcReceiver<String>, ctx: &egui::Context) -> Self {
        let latest = Latest::default();
        start_consumer(q, Arc::clone(&latest), ctx.clone());
        MyWindow { latest }
    }

    /// 창의 내용: 빈 가운데 영역과 상태 표시줄.
    /// The window's contents: an empty central area and the status bar.
    fn show(&self, ui: &mut egui::Ui) {
        // 파이썬의 `print_data` 슬롯: `self.statusBar().showMessage(data)`.
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
    common::init(); // 파이썬의 if __name__ == '__main__':
    let (q_put, q) = ipc::channel::<String>().expect("create the queue");

    // 생산자 프로세스: 이 프로세스에 스레드가 하나뿐일 때 먼저 시작합니다(창과 소비자는 자기 스레드를
    // 데려오고, `fork`는 호출한 스레드만 복사합니다).
    // producer process: started first, while this process has one thread (the window and the
    // consumer bring threads of their own, and `fork` copies only the calling thread).
    let mut p = Process::target(producer, q_put)
        .name("producer")
        .daemon(true);
    p.start().expect("start the producer");

    // 메인 프로세스
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
    // 창이 닫혔습니다. `main`이 반환하고, 종료 규칙이 데몬 생산자를 끝냅니다.
    // The window was closed: `main` returns, and the exit rule terminates the daemon producer.
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::time::{Duration, Instant};

    /// 상태 표시줄에 `text`가 나올 때까지 UI를 한 단계씩 돌리고, 10초가 지나면 실패합니다.
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

    /// 항목이 실제 경로를 지납니다. ipc-channel 큐, 소비자 스레드, 공유 상태를 거쳐 창의 상태
    /// 표시줄에 이르고, 그 글자로 찾습니다.
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
        // 가장 최근 항목만 보입니다.
        // Only the latest item is shown.
        assert!(
            harness
                .query_by_label("2022-10-23 12:00:00.000001")
                .is_none()
        );

        // 생산자 쪽 끝이 사라지면 소비자 스레드가 끝납니다.
        // With the producer's end gone, the consumer thread ends.
        drop(q_put);
        consumer.join().expect("the consumer ends");
    }
}
