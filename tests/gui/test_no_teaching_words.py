"""A file without the teaching words opens on its frequent words, and the window says so."""

import numpy as np


def test_a_file_of_product_ids_opens_on_its_frequent_words(main_window, qtbot, tmp_path):
    rng = np.random.default_rng(0)
    path = tmp_path / "products.txt"
    with open(path, "w") as f:
        for i in range(500):
            f.write(f"B0{i:05d}X " + " ".join(f"{v:.4f}" for v in rng.normal(size=8)) + "\n")
    win = main_window
    win.open_path(str(path))
    qtbot.waitUntil(lambda: len(win.workspace.embeddings) == 500, timeout=15000)
    qtbot.waitUntil(lambda: not win.view.is_animating(), timeout=5000)
    assert len(win.view.screen_positions()[0]) == 300  # points, not bare axes
    note = win.workspace.words_note
    assert "none of the teaching words" in note
    assert note in win.statusBar().currentMessage()
    assert note in win.view.info_lines()
    labelled = {text for *_, text, _c in win.view._place()}
    assert "B000000X" in labelled  # the most frequent word is named
