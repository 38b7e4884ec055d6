# manager-dict's Python twin: four processes write into one dict and one list held by a manager.
import os
from multiprocessing import Manager, Process


def work(d, l, i):
    d[i] = f"from process {i}"
    l.append(i)


if __name__ == "__main__":
    with Manager() as m:
        pid = m._process.pid  # the manager's own process
        print("manager pid:", pid)
        d = m.dict()
        l = m.list()
        ps = [Process(target=work, args=(d, l, i)) for i in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(dict(sorted(d.items())))
        print(sorted(l))
    print("after the with block, the manager is gone:", not os.path.exists(f"/proc/{pid}"))
