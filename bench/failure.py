"""The failure test: bench/load.py's 8:30 rush with PostgreSQL stopped for 10 seconds in the
middle. Requests during the outage must fail fast (503, not hang), /healthz must say so,
the pupils' browsers keep their answers and send them again, and afterwards every answer is
stored exactly once. Prints the counts.

    sudo .venv/bin/python bench/failure.py [--outage 10] [--outage-at 20]

Needs Debian's PostgreSQL (pg_ctlcluster) and the right to stop it (root). Other options as
bench/load.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import load

if __name__ == "__main__":
    argv = sys.argv[1:]
    if not any(arg == "--outage" or arg.startswith("--outage=") for arg in argv):
        argv = ["--outage", "10", *argv]
    sys.exit(load.main(argv))
