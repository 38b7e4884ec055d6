# rlock's Python twin: a Lock taken again by its holder, and an RLock taken twice.
import threading

if __name__ == "__main__":
    lock = threading.Lock()
    lock.acquire()
    again = "taken" if lock.acquire(blocking=False) else "would block"
    print("a plain lock, taken again by its holder:", again)
    lock.release()

    rlock = threading.RLock()
    count = 0
    with rlock:
        with rlock:  # the same thread again: fine
            count += 1
        count += 1
    print("a reentrant lock, taken twice:", count)
