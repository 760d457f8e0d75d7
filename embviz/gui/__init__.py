"""The Qt user interface. Views only: the data lives in :mod:`embviz.core`."""

# PySide6 must be imported before pyqtgraph so pyqtgraph picks that binding.
from PySide6.QtCore import QCoreApplication, Qt

# pyqtgraph caches compiled shader programs across GL widgets; they are only
# valid in every widget when all GL contexts share one group. This must be set
# before the QApplication exists.
if QCoreApplication.instance() is None:
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

# Qt prints hundreds of "OpenType support missing" lines once a CJK font is installed.
from embviz.gui.fonts import silence_font_warnings

silence_font_warnings()
