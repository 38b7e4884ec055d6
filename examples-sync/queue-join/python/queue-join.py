# queue-join's Python twin: workers call task_done(), main waits with join().
import os
import queue
import sys
import threading
import time


def say(line):
    # print() writes a line and its newline in two steps, and lines of several threads can
    # interleave ("worker 0 waitsworker 1 waits"); one write per whole line, as Rust's say! does.
    sys.stdout.write(line + "\n")


SCALE = float(os.environ.get("TUTORIAL_TIME_SCALE", "1"))
q = queue.Queue()


def work():
    while True:
        task = q.get()
        time.sleep(0.2 * SCALE)
        say(f"task {task} done")
        q.task_done()


if __name__ == "__main__":
    for w in range(2):
        threading.Thread(target=work, name=f"worker {w}", daemon=True).start()
    for task in range(5):
        q.put(task)
    say("main waits for every task")
    q.join()
    say("all tasks done")
