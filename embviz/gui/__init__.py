"""The Qt user interface. Views only: the data lives in :mod:`embviz.core`."""

# PySide6 must be imported before pyqtgraph so pyqtgraph picks that binding.
import PySide6  # noqa: F401
