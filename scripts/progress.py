"""A one-line progress display for the long runs of the project's scripts.

Shown on stderr only when stderr is a terminal and CI is unset; everywhere
else (CTest, CI logs, a pipe) it prints nothing, so logs keep only the
results. The line names what is running and for how long, and how many of
the jobs are done; a ticker redraws it every second while a long Yosys run
says nothing.

    p = Progress("timing_check", total=len(jobs))
    p.start("vmq_csr @ card")        # a job begins (several may run at once)
    with p.paused():                 # print results without tearing the line
        print(...)
    p.finish("vmq_csr @ card")       # a job ends
    p.close()                        # clear the line (also on an exception)

Plain Python 3 (threading); used by timing_check.py, synth_report.py and
mutation_check.py.
"""
import contextlib
import os
import sys
import threading
import time


def enabled(stream=None):
    stream = stream or sys.stderr
    return stream.isatty() and not os.environ.get("CI")


class Progress:
    def __init__(self, name, total, stream=None, interval=1.0):
        self.name, self.total = name, total
        self.stream = stream or sys.stderr
        self.on = enabled(self.stream)
        self.done = 0
        self.running = {}  # label -> start time
        self.t0 = time.monotonic()
        self.lock = threading.RLock()
        self.shown = False
        self.stop = threading.Event()
        self.interval = interval
        self.ticker = None  # started by the first start(): nothing shows before

    @staticmethod
    def _mmss(s):
        s = int(s)
        return f"{s // 60}:{s % 60:02d}"

    def _line(self):
        now = time.monotonic()
        run = ", ".join(f"{k} {self._mmss(now - t)}" for k, t in self.running.items())
        head = f"{self.name}: {self.done}/{self.total} done, {self._mmss(now - self.t0)}"
        line = f"{head}; running {run}" if run else head
        width = 200
        with contextlib.suppress(OSError):
            width = os.get_terminal_size(self.stream.fileno()).columns
        return line[: max(20, width - 1)]

    def _draw(self):
        with self.lock:  # the check under the lock: close() may have run meanwhile
            if not self.on or self.ticker is None or self.stop.is_set():
                return
            self.stream.write("\r\x1b[K" + self._line())
            self.stream.flush()
            self.shown = True

    def _clear(self):
        if self.on and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    def _tick(self, interval):
        while not self.stop.wait(interval):
            self._draw()

    def start(self, label):
        with self.lock:
            self.running[label] = time.monotonic()
            if self.on and self.ticker is None:
                self.ticker = threading.Thread(target=self._tick, args=(self.interval,), daemon=True)
                self.ticker.start()
            self._draw()

    def finish(self, label):
        with self.lock:
            self.running.pop(label, None)
            self.done += 1
            self._draw()

    @contextlib.contextmanager
    def paused(self):
        """Clear the line, let the caller print, draw it again."""
        with self.lock:
            self._clear()
            sys.stdout.flush()
            try:
                yield
            finally:
                sys.stdout.flush()
                self._draw()

    def close(self):
        self.stop.set()
        if self.ticker is not None and self.ticker is not threading.current_thread():
            self.ticker.join()
        with self.lock:
            self._clear()
            self.on = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
