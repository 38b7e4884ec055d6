# shareable-list's Python twin: a fixed-length list in shared memory, found by its name.
from multiprocessing import Process, shared_memory


def child(name):
    sl = shared_memory.ShareableList(name=name)  # attach by name
    sl[0] = sl[0] + 1
    sl[1] = sl[1] * 2
    sl[2] = "TEXT"
    sl[3] = True
    print("child sees", list(sl))
    sl.shm.close()


if __name__ == "__main__":
    sl = shared_memory.ShareableList([1, 2.5, "text", None])
    print("created", list(sl))
    p = Process(target=child, args=(sl.shm.name,))
    p.start()
    p.join()
    print("parent sees", list(sl))
    try:
        sl[2] = "a longer text"
    except ValueError as error:
        print("ValueError:", error)  # the room of 'text', rounded up to 8 bytes
    print("len stays", len(sl))
    sl.shm.close()
    sl.shm.unlink()
