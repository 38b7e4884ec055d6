# race-counter's Python twin: two threads each do `counter += 1` a million times.
import threading

TIMES = 1_000_000
counter = 0


def add_without_lock():
    global counter
    for _ in range(TIMES):
        counter += 1  # a read, then a write: another thread may write in between


lock = threading.Lock()


def add_with_lock():
    global counter
    for _ in range(TIMES):
        with lock:
            counter += 1


def twice(work):
    global counter
    counter = 0
    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter


if __name__ == "__main__":
    print("without a lock:", twice(add_without_lock))
    print("with a Lock:", twice(add_with_lock))
