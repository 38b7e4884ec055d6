# pool-worker-dies's Python twin: a worker killed in the middle of Pool.map.
import multiprocessing
import os
import signal

TIMEOUT = 5 * float(os.environ.get("TUTORIAL_TIME_SCALE", "1"))


def work(x):
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer or a `kill -9` would
    return x


def square(x):
    return x * x


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        result = pool.map_async(work, range(8), chunksize=1)
        try:
            print("map:", result.get(timeout=TIMEOUT))
        except multiprocessing.TimeoutError:
            # Pool.map() would wait here forever (bpo-22393): the lost task never reports.
            print(f"map: no result after {TIMEOUT:g} s: the killed worker's task is never reported")
        print("next map:", pool.map(square, range(8)))
