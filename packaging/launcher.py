"""Entry point of the frozen app: the same as the ``embviz`` command."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The Train panel trains in a spawned process: in the frozen app that
    # process is this executable again, and freeze_support() runs the child.
    multiprocessing.freeze_support()
    from embviz.cli import main

    sys.exit(main())
