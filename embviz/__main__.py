"""``python -m embviz``: the same as the ``embviz`` command."""

from embviz.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
