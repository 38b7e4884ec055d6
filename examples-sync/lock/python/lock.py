# lock's Python twin: four threads append to one list under a Lock.
import sys
import threading


def say(line):
    # print() writes a line and its newline in two steps, and lines of several threads can
    # interleave ("worker 0 waitsworker 1 waits"); one write per whole line, as Rust's say! does.
    sys.stdout.write(line + "\n")


items = []
lock = threading.Lock()


def work(t):
    for i in range(5):
        with lock:
            items.append((t, i))
    say(f"thread {t} appended 5 items")


if __name__ == "__main__":
    threads = [threading.Thread(target=work, args=(t,), name=f"thread {t}") for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    say(f"the list has {len(items)} items")
    say(f"every item once: {len(set(items)) == 20}")
