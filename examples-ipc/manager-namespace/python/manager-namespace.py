# manager-namespace's Python twin: a child sets attributes of a manager's Namespace.
from multiprocessing import Manager, Process


def child(ns):
    ns.x = 10  # seen by the parent
    ns.lst.append(1)  # lost: ns.lst is a copy
    lst = ns.lst
    lst.append(2)
    ns.lst = lst  # re-assigned: kept


if __name__ == "__main__":
    with Manager() as m:
        ns = m.Namespace()
        ns.x = 0
        ns.lst = []
        p = Process(target=child, args=(ns,))
        p.start()
        p.join()
        print("ns.x =", ns.x)
        print("ns.lst =", ns.lst)
