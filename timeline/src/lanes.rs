//! From trace events to lanes: one per (process, thread), with when it was alive, what it
//! printed, and how it ended.

use common::trace::{Event, Kind};
use std::collections::HashMap;

/// How a lane ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// A thread that finished (`thread_end`), or a main thread that returned.
    Finished,
    /// A process that exited with this code (`None`: not known).
    Exited(Option<i32>),
    /// A thread still running when its process ended: Python's daemon thread, cut off.
    CutOff,
    /// A process killed by this signal.
    Killed(i32),
    /// The trace ends while it was still running.
    Open,
}

/// A printed line on a lane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// When, in ns of `CLOCK_MONOTONIC`.
    pub t_ns: u64,
    /// The line.
    pub msg: String,
}

/// One process's thread, over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    /// `MainProcess/main`, `SubProcess/main`, `MainProcess/thread 3`, ...
    pub label: String,
    /// The process.
    pub pid: u32,
    /// The thread's name.
    pub thread: String,
    /// First seen.
    pub start_ns: u64,
    /// Last alive.
    pub end_ns: u64,
    /// How it ended.
    pub end: End,
    /// What it printed.
    pub marks: Vec<Mark>,
}

/// Every lane of a run, and the time it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The first event.
    pub start_ns: u64,
    /// The last event, or the run's end.
    pub end_ns: u64,
    /// In the order they started.
    pub lanes: Vec<Lane>,
}

impl Timeline {
    /// Lays out `events`. `run_end_ns` is when the run ended, if known (the trace may stop
    /// earlier); `main_exit` is the main process's exit code, if known (its trace has none).
    pub fn build(events: &[Event], run_end_ns: Option<u64>, main_exit: Option<i32>) -> Timeline {
        let start_ns = events.iter().map(|e| e.t_ns).min().unwrap_or(0);
        let last_ns = events.iter().map(|e| e.t_ns).max().unwrap_or(0);
        let end_ns = run_end_ns.map_or(last_ns, |end| end.max(last_ns));
        let main_pid = events
            .iter()
            .find(|e| e.process == "MainProcess")
            .map(|e| e.pid);

        // When each process ended, and how.
        let mut exits: HashMap<u32, (u64, Option<i32>)> = HashMap::new();
        for event in events.iter().filter(|e| e.kind == Kind::ProcessExit) {
            exits.insert(event.pid, (event.t_ns, event.exitcode));
        }
        let process_end = |pid: u32| exits.get(&pid).map_or(end_ns, |&(t, _)| t);

        let mut lanes: Vec<Lane> = Vec::new();
        let mut index: HashMap<(u32, &str), usize> = HashMap::new();
        let mut ended: Vec<bool> = Vec::new();
        for event in events {
            let key = (event.pid, event.thread.as_str());
            let at = *index.entry(key).or_insert_with(|| {
                lanes.push(Lane {
                    label: format!("{}/{}", event.process, event.thread),
                    pid: event.pid,
                    thread: event.thread.clone(),
                    start_ns: event.t_ns,
                    end_ns: event.t_ns,
                    end: End::Open,
                    marks: Vec::new(),
                });
                ended.push(false);
                lanes.len() - 1
            });
            let lane = &mut lanes[at];
            lane.start_ns = lane.start_ns.min(event.t_ns);
            lane.end_ns = lane.end_ns.max(event.t_ns);
            match event.kind {
                Kind::Say => lane.marks.push(Mark {
                    t_ns: event.t_ns,
                    msg: event.msg.clone(),
                }),
                Kind::ThreadEnd => ended[at] = true,
                _ => {}
            }
        }

        for (lane, ended) in lanes.iter_mut().zip(ended) {
            let exit = exits.get(&lane.pid).copied();
            let is_main_process = Some(lane.pid) == main_pid;
            lane.end = if lane.thread != "main" {
                if ended {
                    End::Finished
                } else if exit.is_some() || run_end_ns.is_some() {
                    // Still running when its process ended.
                    lane.end_ns = process_end(lane.pid);
                    End::CutOff
                } else {
                    End::Open
                }
            } else {
                match exit {
                    Some((t, Some(code))) if code < 0 => {
                        lane.end_ns = t;
                        End::Killed(-code)
                    }
                    Some((t, code)) => {
                        lane.end_ns = t;
                        End::Exited(code.or(main_exit.filter(|_| is_main_process)))
                    }
                    None if is_main_process && run_end_ns.is_some() => {
                        lane.end_ns = end_ns;
                        End::Exited(main_exit)
                    }
                    None if ended => End::Finished,
                    None => End::Open,
                }
            };
        }

        // Two processes may share a name (`Process-1` in two runs of a child): add the PID then.
        let mut count: HashMap<String, usize> = HashMap::new();
        for lane in &lanes {
            *count.entry(lane.label.clone()).or_default() += 1;
        }
        for lane in &mut lanes {
            if count[&lane.label] > 1 {
                lane.label = format!("{} ({})", lane.label, lane.pid);
            }
        }
        lanes.sort_by_key(|lane| (lane.start_ns, lane.pid));
        Timeline {
            start_ns,
            end_ns,
            lanes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<Event> {
        let path = format!("{}/tests/fixtures/{name}.jsonl", env!("CARGO_MANIFEST_DIR"));
        common::trace::read(std::path::Path::new(&path)).expect("fixture")
    }

    fn lane<'a>(timeline: &'a Timeline, label: &str) -> &'a Lane {
        timeline
            .lanes
            .iter()
            .find(|l| l.label == label)
            .unwrap_or_else(|| panic!("no lane {label}: {timeline:#?}"))
    }

    #[test]
    fn daemon_threads_are_cut_off_when_main_ends() {
        let timeline = Timeline::build(&fixture("daemon-thread"), None, Some(0));
        assert_eq!(timeline.lanes.len(), 6);
        assert_eq!(timeline.lanes[0].label, "MainProcess/main");
        assert_eq!(
            lane(&timeline, "MainProcess/main").end,
            End::Exited(Some(0))
        );
        for i in 0..5 {
            let worker = lane(&timeline, &format!("MainProcess/thread {i}"));
            assert_eq!(worker.end, End::CutOff, "{worker:#?}");
            assert_eq!(worker.marks.len(), 1);
            assert_eq!(worker.end_ns, lane(&timeline, "MainProcess/main").end_ns);
        }
    }

    #[test]
    fn joined_threads_finish_before_main() {
        let timeline = Timeline::build(&fixture("thread-join"), None, Some(0));
        let labels: Vec<&str> = timeline.lanes.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels[0], "MainProcess/main");
        assert_eq!(labels.len(), 3);
        let main = lane(&timeline, "MainProcess/main");
        for name in ["MainProcess/1", "MainProcess/2"] {
            let worker = lane(&timeline, name);
            assert_eq!(worker.end, End::Finished);
            assert!(worker.end_ns <= main.end_ns);
            assert_eq!(worker.marks.len(), 2);
        }
        assert_eq!(main.marks.last().expect("marks").msg, "main thread end");
    }

    #[test]
    fn a_child_process_has_its_own_lane_and_exit_code() {
        let timeline = Timeline::build(&fixture("process-start"), None, Some(0));
        let child = lane(&timeline, "Sub Process/main");
        assert_eq!(child.end, End::Exited(Some(0)));
        let main = lane(&timeline, "MainProcess/main");
        assert!(
            main.end_ns >= child.end_ns,
            "the parent waits for the child at exit"
        );
    }

    #[test]
    fn a_daemon_child_is_shown_killed() {
        let timeline = Timeline::build(&fixture("daemon-process"), None, Some(0));
        assert_eq!(lane(&timeline, "Sub Process/main").end, End::Killed(15));
    }

    #[test]
    fn pool_workers_each_get_a_lane() {
        let timeline = Timeline::build(&fixture("pool-map"), None, Some(0));
        let workers = timeline
            .lanes
            .iter()
            .filter(|l| l.label.starts_with("ForkPoolWorker-"))
            .count();
        assert_eq!(workers, 4);
        let printed: usize = timeline.lanes.iter().map(|l| l.marks.len()).sum();
        assert_eq!(printed, 99);
    }
}
