"""A large cached file is queried without a normalised copy of its matrix (issue 16, item 18).

In a child process (memory limit, timeout): a 150,000 × 256 float32 entry is
read from the cache, asked for neighbours and an analogy, and its peak
resident memory (VmHWM, which counts the mapped pages read) must stay below
what holding a second copy of the matrix would need.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from embviz.core.embeddings import Embeddings
from embviz.core.formats import save

CHILD = r"""
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) << 10

import numpy as np
import embviz
from embviz.core import embeddings
from embviz.core.analogy import query
embeddings.UNIT_COPY_BYTES = 64 << 20  # this matrix counts as large
emb = embviz.load(sys.argv[1])
assert emb.source.details["cached"], emb.source.details
before = hwm()
np.asarray(emb.vectors).sum()  # every page of the mapped matrix resident, as a scan makes it
touched = hwm()
nb = emb.neighbors("w123", k=5)
an = query(emb, "w1 - w2 + w3", k=5)
print(json.dumps({"before": before, "touched": touched, "after": hwm(),
                  "copy": "unit" in emb.__dict__, "nb": nb[0][0], "an": an.results[0].word}))
"""


@pytest.mark.slow
def test_queries_on_a_large_cached_file_make_no_copy(tmp_path):
    rows, dim = 150_000, 256
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(rows)]
    path = tmp_path / "big.bin"
    save(Embeddings(words, rng.standard_normal((rows, dim)).astype(np.float32)), path,
         format="word2vec-binary")  # fmt: skip
    env = {**os.environ}
    # The first open fills the cache; the child then reads the entry.
    subprocess.run([sys.executable, "-c", "import embviz, sys; embviz.load(sys.argv[1])", path],
                   env=env, check=True, timeout=120)  # fmt: skip
    r = subprocess.run([sys.executable, "-c", CHILD, path], env=env, capture_output=True,
                       text=True, timeout=120, check=False)  # fmt: skip
    assert r.returncode == 0, r.stderr[-2000:]
    got = json.loads(r.stdout)
    matrix = rows * dim * 4  # 154 MB
    assert not got["copy"]
    # A normalised copy would add a whole matrix; the queries' blocks and results are small.
    assert got["after"] - got["touched"] < 0.6 * matrix, got  # measured: 45 MB
    assert got["nb"] != "w123" and got["an"] not in ("w1", "w2", "w3")
