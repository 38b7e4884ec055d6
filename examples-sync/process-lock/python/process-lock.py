# process-lock's Python twin: two processes add to a Value, without and with get_lock().
from multiprocessing import Barrier, Process, Value

TIMES = 100_000


def add(v, ready, with_lock):
    ready.wait()  # both start counting together
    for _ in range(TIMES):
        if with_lock:
            with v.get_lock():
                v.value += 1
        else:
            v.value += 1  # a read, then a write: the other process may write in between


def count(with_lock):
    v = Value("i", 0)
    ready = Barrier(2)
    workers = [Process(target=add, args=(v, ready, with_lock)) for _ in range(2)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    return v.value


if __name__ == "__main__":
    print("without the lock:", count(False))
    print("with the lock:", count(True))
