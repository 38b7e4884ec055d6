"""CPython twins of bench/src/lib.rs: the same operations, timed the same way.

    python3 bench/python/bench.py <name> <n> <samples>

prints {"name": ..., "ns_per_unit": <median over samples>, "samples": [...]} as JSON.
"""
import json
import multiprocessing as mp
import os
import sys
import threading
import time

FORK = mp.get_context("fork")
SPAWN = mp.get_context("spawn")
FORKSERVER = mp.get_context("forkserver")
CPU_TASK = 50_000


def timed(body):
    start = time.perf_counter_ns()
    body()
    return time.perf_counter_ns() - start


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
    return count


def nothing():
    pass


def thread_start_join(n):
    def body():
        for _ in range(n):
            t = threading.Thread(target=nothing)
            t.start()
            t.join()
    return timed(body)


def process_start_join(ctx, n):
    def body():
        for _ in range(n):
            p = ctx.Process(target=nothing)
            p.start()
            p.join()
    return timed(body)


def send_small(q, n):
    for i in range(n):
        q.put(i)


def queue_small(n):
    q = FORK.Queue()
    def body():
        p = FORK.Process(target=send_small, args=(q, n))
        p.start()
        for _ in range(n):
            q.get()
        p.join()
    return timed(body)


def send_big(q, n):
    payload = bytes(1 << 20)
    for _ in range(n):
        q.put(payload)


def queue_1mib(n):
    q = FORK.Queue()
    def body():
        p = FORK.Process(target=send_big, args=(q, n))
        p.start()
        for _ in range(n):
            assert len(q.get()) == 1 << 20
        p.join()
    return timed(body)


def floor_roundtrip(n):
    """The floor: one byte each way on two raw pipes, to a child made by a bare os.fork."""
    down_r, down_w = os.pipe()
    up_r, up_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        while (byte := os.read(down_r, 1)) and byte != b"\xff":
            os.write(up_w, byte)
        os._exit(0)
    os.close(down_r)
    os.close(up_w)
    def body():
        for i in range(n):
            os.write(down_w, bytes((i & 0x7F,)))
            os.read(up_r, 1)
    elapsed = timed(body)
    os.write(down_w, b"\xff")
    os.waitpid(pid, 0)
    return elapsed


def echo(conn, other):
    other.close()  # the parent's end, copied by fork: closed, so that its EOF reaches us
    try:
        while True:
            conn.send(conn.recv())
    except EOFError:
        pass


def pipe_roundtrip(n):
    here, there = FORK.Pipe()
    p = FORK.Process(target=echo, args=(there, here))
    p.start()
    there.close()
    def body():
        for i in range(n):
            here.send(i)
            assert here.recv() == i
    elapsed = timed(body)
    here.close()
    p.join()
    return elapsed


def bump(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def shared_counter(n):
    counter = FORK.Value("i", 0)
    def body():
        ps = [FORK.Process(target=bump, args=(counter, n // 2)) for _ in range(2)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
    elapsed = timed(body)
    assert counter.value == n // 2 * 2
    return elapsed


def plus_one(x):
    return x + 1


def pool_map_tiny(n):
    def body():
        with FORK.Pool(2) as pool:
            assert len(pool.map(plus_one, range(n))) == n
    return timed(body)


def square(x):
    return x * x


def pool_maps(n, size):
    with FORK.Pool(4) as pool:
        def body():
            for _ in range(n):
                assert len(pool.map(square, range(size))) == size
        return timed(body)


def pool_map_cpu(_n):
    def body():
        with FORK.Pool(2) as pool:
            assert pool.map(count_primes, [CPU_TASK] * 8) == [5133] * 8
    return timed(body)


def cpu_one_thread(_n):
    return timed(lambda: [count_primes(CPU_TASK) for _ in range(4)])


def cpu_two_threads(_n):
    def two():
        count_primes(CPU_TASK)
        count_primes(CPU_TASK)
    def body():
        threads = [threading.Thread(target=two) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return timed(body)


def manager_dict_roundtrip(n):
    with mp.Manager() as m:
        d = m.dict()
        d[0] = 0

        def body():
            for i in range(n):
                d[0] = i
                assert d[0] == i
        return timed(body)


def shm_attach_read_1mib(n):
    from multiprocessing import shared_memory
    mib = 1 << 20
    block = shared_memory.SharedMemory(create=True, size=mib)
    block.buf[:] = b"\x07" * mib

    def body():
        for _ in range(n):
            other = shared_memory.SharedMemory(name=block.name)
            data = bytes(other.buf[:mib])
            assert len(data) == mib and data[-1] == 7
            other.close()
    try:
        return timed(body)
    finally:
        block.close()
        block.unlink()


OPS = {
    "floor_roundtrip": floor_roundtrip,
    "thread_start_join": thread_start_join,
    "process_start_join_fork": lambda n: process_start_join(FORK, n),
    "process_start_join_spawn": lambda n: process_start_join(SPAWN, n),
    "process_start_join_forkserver": lambda n: process_start_join(FORKSERVER, n),
    "queue_small": queue_small,
    "queue_1mib": queue_1mib,
    "pipe_roundtrip": pipe_roundtrip,
    "shared_counter": shared_counter,
    "pool_map_tiny": pool_map_tiny,
    "pool_maps_small": lambda n: pool_maps(n, 100),
    "pool_maps_big": lambda n: pool_maps(n, 100_000),
    "pool_map_cpu": pool_map_cpu,
    "manager_dict_roundtrip": manager_dict_roundtrip,
    "shm_attach_read_1mib": shm_attach_read_1mib,
    "cpu_one_thread": cpu_one_thread,
    "cpu_two_threads": cpu_two_threads,
}

if __name__ == "__main__":
    name, n, samples = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    results = sorted(OPS[name](n) / n for _ in range(samples))
    print(json.dumps({"name": name, "ns_per_unit": results[len(results) // 2], "samples": results}))
