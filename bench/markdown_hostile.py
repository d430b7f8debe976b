"""Time the Markdown renderer on crafted input, before (plain Python-Markdown) and after (ours).

Run with `.venv/bin/python bench/markdown_hostile.py [characters]` (12,000 by default: the
longest page body an editor may save). "Before" runs Python-Markdown as the portal called it
until the hostile-input bounds were added, each case in a child process stopped after
STOP_AFTER seconds. It prints figures and asserts nothing.
"""

import multiprocessing
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import markdown as markdown_lib  # noqa: E402

from orientation.markdown import render_markdown  # noqa: E402

STOP_AFTER = 20
UNITS = {
    "unclosed [": "[",
    "unclosed ![": "![",
    "nested [ ]": None,  # n/2 "[" then n/2 "]"
    "[x]( links": "[x](",
    "[x][ references": "[x][",
    "<a tags": "<a",
    "1. nested lists": "1. ",
    "* - nested lists": "* - ",
    "> nested quotes": "> ",
    "*a emphasis": "*a",
    "ordinary words": "Register with a GP near you. ",
}


def crafted(name, size):
    unit = UNITS[name]
    if unit is None:
        return "[" * (size // 2) + "]" * (size // 2)
    return unit * (size // len(unit))


def before(text):
    markdown_lib.markdown(text, extensions=["sane_lists", "tables"], output_format="html")


def _timed_child(function, text, queue):
    started = time.perf_counter()
    try:
        function(text)
    except RecursionError:
        queue.put("RecursionError (a 500 for the editor)")
        return
    queue.put(f"{time.perf_counter() - started:8.3f} s")


def timed_in_child(function, text):
    queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=_timed_child, args=(function, text, queue))
    child.start()
    child.join(STOP_AFTER)
    if child.is_alive():
        child.terminate()
        child.join()
        return f"> {STOP_AFTER} s (stopped)"
    return queue.get()


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 12_000
    print(f"Markdown rendering of {size:,} crafted characters")
    print(f"{'input':<20} {'before':>38} {'after':>10}")
    for name in UNITS:
        text = crafted(name, size)
        started = time.perf_counter()
        render_markdown(text)
        after = time.perf_counter() - started
        print(f"{name:<20} {timed_in_child(before, text):>38} {after:8.3f} s")


if __name__ == "__main__":
    main()
