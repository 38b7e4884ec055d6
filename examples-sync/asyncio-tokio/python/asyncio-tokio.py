# asyncio-tokio's Python twin: asyncio.gather of waits, then 10,000 waits as tasks and threads.
import asyncio
import os
import threading
import time
from multiprocessing import Pipe, Process

SCALE = float(os.environ.get("TUTORIAL_TIME_SCALE", "1"))


async def gather_sleeps(n):
    await asyncio.gather(*(asyncio.sleep(1 * SCALE) for _ in range(n)))


def tasks():
    asyncio.run(gather_sleeps(10_000))


def threads():
    waiting = [threading.Thread(target=time.sleep, args=(1 * SCALE,)) for _ in range(10_000)]
    for t in waiting:
        t.start()
    for t in waiting:
        t.join()


def status_kib(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1])


def child(conn, work):
    before = status_kib("VmRSS:")
    started = time.perf_counter()
    work()
    conn.send((time.perf_counter() - started, (status_kib("VmHWM:") - before) / 1024))


def measured(work):
    parent_conn, child_conn = Pipe()
    p = Process(target=child, args=(child_conn, work))
    p.start()
    result = parent_conn.recv()
    p.join()
    return result


if __name__ == "__main__":
    started = time.perf_counter()
    asyncio.run(gather_sleeps(5))
    print(f"5 waits of 1 s on one thread: {time.perf_counter() - started:.2f} s")
    for what, work in [("waiting tasks", tasks), ("waiting threads", threads)]:
        secs, mib = measured(work)
        print(f"10000 {what}: {secs:.2f} s, peak memory +{mib:.1f} MiB")
