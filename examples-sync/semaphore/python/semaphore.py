# semaphore's Python twin: five workers, a Semaphore(2).
import os
import sys
import threading
import time


def say(line):
    # print() writes a line and its newline in two steps, and lines of several threads can
    # interleave ("worker 0 waitsworker 1 waits"); one write per whole line, as Rust's say! does.
    sys.stdout.write(line + "\n")


SCALE = float(os.environ.get("TUTORIAL_TIME_SCALE", "1"))
semaphore = threading.Semaphore(2)
inside = 0
count_lock = threading.Lock()


def work(i):
    global inside
    with semaphore:
        # The count changes and is printed as one step, under one lock, as in the Rust.
        with count_lock:
            inside += 1
            say(f"worker {i} enters, inside: {inside}")
        time.sleep(1 * SCALE)
        with count_lock:
            say(f"worker {i} leaves")
            inside -= 1


if __name__ == "__main__":
    threads = [threading.Thread(target=work, args=(i,), name=f"worker {i}") for i in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
