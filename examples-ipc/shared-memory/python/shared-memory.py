# shared-memory's Python twin: a child attaches to a block by its name only.
import sys
from multiprocessing import Process, shared_memory


def child(name):
    shm = shared_memory.SharedMemory(name=name)  # attach by name
    shm.buf[:5] = b"hello"
    print("child wrote into", shm.name)
    shm.close()


if __name__ == "__main__":
    shm = shared_memory.SharedMemory(create=True, size=16)
    print("created", shm.name, "of", shm.size, "bytes")
    p = Process(target=child, args=(shm.name,))
    p.start()
    p.join()
    print("parent reads", bytes(shm.buf[:5]))
    name = shm.name
    shm.unlink()  # the name goes; our mapping stays until close
    shm.close()
    try:
        shared_memory.SharedMemory(name=name)
    except FileNotFoundError:
        print("after unlink, nobody can attach:", name)
    if "--leak" in sys.argv:
        leaked = shared_memory.SharedMemory(create=True, size=16)
        print("left without unlink:", leaked.name)
