"""Threads racing one call: what the read-once tests share."""

import threading


def race(call, threads=16):
    """What ``call()`` returns in each of ``threads`` threads, started together."""
    start = threading.Barrier(threads)
    results = []

    def ask():
        start.wait()
        results.append(call())

    running = [threading.Thread(target=ask) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    return results
