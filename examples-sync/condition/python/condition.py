# condition's Python twin: a producer and a consumer share a queue under a Condition.
import collections
import os
import sys
import threading
import time


def say(line):
    # print() writes a line and its newline in two steps, and lines of several threads can
    # interleave ("worker 0 waitsworker 1 waits"); one write per whole line, as Rust's say! does.
    sys.stdout.write(line + "\n")


SCALE = float(os.environ.get("TUTORIAL_TIME_SCALE", "1"))
items = collections.deque()
done = False
cond = threading.Condition()


def consumer():
    while True:
        with cond:
            while not items and not done:
                cond.wait()
            if not items:
                return
            item = items.popleft()
        say(f"consumed {item}")


def producer():
    global done
    for item in range(5):
        time.sleep(0.2 * SCALE)
        with cond:
            say(f"produced {item}")
            items.append(item)
            cond.notify()
    with cond:
        done = True
        cond.notify_all()


if __name__ == "__main__":
    threads = [threading.Thread(target=consumer), threading.Thread(target=producer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    say("all 5 items consumed")
