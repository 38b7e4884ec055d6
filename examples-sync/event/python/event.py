# event's Python twin: workers wait until main sets an Event.
import os
import sys
import threading
import time


def say(line):
    # print() writes a line and its newline in two steps, and lines of several threads can
    # interleave ("worker 0 waitsworker 1 waits"); one write per whole line, as Rust's say! does.
    sys.stdout.write(line + "\n")


SCALE = float(os.environ.get("TUTORIAL_TIME_SCALE", "1"))
event = threading.Event()


def work(i):
    say(f"worker {i} waits")
    event.wait()
    say(f"worker {i} goes on")


if __name__ == "__main__":
    threads = [threading.Thread(target=work, args=(i,), name=f"worker {i}") for i in range(3)]
    for t in threads:
        t.start()
    time.sleep(1 * SCALE)
    say("main sets the event")
    event.set()
    for t in threads:
        t.join()
