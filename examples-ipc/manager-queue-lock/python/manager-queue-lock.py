# manager-queue-lock's Python twin: a manager's Queue, Lock, Event and dict in a Pool's tasks.
from multiprocessing import Manager, Pool


def task(args):
    (q, lock, start, d), i = args
    start.wait()
    with lock:
        n = d["count"]  # read,
        d["count"] = n + 1  # then write
    q.put(f"task {i} done")
    return i


if __name__ == "__main__":
    with Manager() as m:
        q, lock, start = m.Queue(), m.Lock(), m.Event()
        d = m.dict()
        d["count"] = 0
        with Pool(4) as pool:
            shared = (q, lock, start, d)
            results = pool.map_async(task, [(shared, i) for i in range(8)])
            print(f"before the event: {q.qsize()} items on the queue")
            start.set()
            print(results.get())
        print(sorted(q.get() for _ in range(8)))
        print("count:", d["count"])
