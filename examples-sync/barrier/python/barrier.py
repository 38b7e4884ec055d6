# barrier's Python twin: three threads meet at a Barrier(3).
import os
import sys
import threading
import time


def say(line):
    # print() writes a line and its newline in two steps, and lines of several threads can
    # interleave ("worker 0 waitsworker 1 waits"); one write per whole line, as Rust's say! does.
    sys.stdout.write(line + "\n")


SCALE = float(os.environ.get("TUTORIAL_TIME_SCALE", "1"))
barrier = threading.Barrier(3)


def work(i):
    time.sleep(0.5 * i * SCALE)
    say(f"thread {i} before the barrier")
    barrier.wait()
    say(f"thread {i} after the barrier")


if __name__ == "__main__":
    threads = [threading.Thread(target=work, args=(i,), name=f"thread {i}") for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
