# thread-pool-executor's Python twin: submit, result, as_completed, map.
import concurrent.futures
import os
import time

SCALE = float(os.environ.get("TUTORIAL_TIME_SCALE", "1"))


def square(x):
    time.sleep(0.2 * (5 - x) * SCALE)
    return x * x


if __name__ == "__main__":
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
        print("submit(square, 4).result():", executor.submit(square, 4).result())
        futures = {executor.submit(square, x): x for x in range(1, 5)}
        for future in concurrent.futures.as_completed(futures):
            print(f"as_completed: square({futures[future]}) = {future.result()}")
        print("map:", list(executor.map(square, [1, 2, 3, 4])))
