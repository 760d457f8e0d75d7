import pytest


@pytest.fixture
def main_window(qtbot):
    """A main window on the embedded default data, shown and loaded."""
    from embviz.gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    # Xvfb has no window manager to activate windows, and shortcuts need an active one
    win.activateWindow()
    qtbot.waitActive(win)
    win.open_path(None)
    qtbot.waitUntil(lambda: win.workspace.embeddings is not None, timeout=15000)
    yield win
    win.close()
