"""The Train panel's pieces: run header, timeline, curves and the form/picture splitter.

Each piece holds widgets only and binds to the model it shows: the
:class:`Timeline` to a :class:`~embviz.core.playback.Playback`, the
:class:`TrainingCurves` to a :class:`~embviz.core.training_session.TrainingSession`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.playback import Playback
from embviz.core.training_session import TrainingSession
from embviz.gui import theme
from embviz.gui.training.plots import LossPlot, SimilarityPlot

# Short enough for a narrow dock; the tooltip says the whole of it
# (translated when shown, context "Timeline")
FRAME_CHOICES = [
    ("final", QT_TRANSLATE_NOOP("Timeline", "PCA of the newest"),
     QT_TRANSLATE_NOOP("Timeline", "Fixed axes: PCA of the newest state")),
    ("pinned", QT_TRANSLATE_NOOP("Timeline", "PCA of this snapshot"),
     QT_TRANSLATE_NOOP("Timeline", "Fixed axes: PCA of the snapshot shown now")),
    ("procrustes", QT_TRANSLATE_NOOP("Timeline", "Procrustes"),
     QT_TRANSLATE_NOOP("Timeline", "Procrustes: align each snapshot to the previous one")),
]  # fmt: skip


class RunHeader(QWidget):
    """Start / Stop, the progress bar and the status line.

    They sit in a fixed header above the form and the picture (napari's layer
    controls do the same): never scrolled away, whatever the dock's size.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.start_button = QPushButton(self.tr("Start training"))
        self.start_button.setToolTip(
            self.tr("Train from new initial vectors (stops a run in progress)")
        )
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop training; the snapshots so far stay"))
        row = QHBoxLayout()
        row.addWidget(self.start_button, 1)
        row.addWidget(self.stop_button)
        self.progress = QProgressBar(minimum=0, maximum=1000, textVisible=False)
        self.progress.setMaximumHeight(8)
        self.status = QLabel(self.tr("Ready"))
        self.status.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)

    def set_progress(self, value: int) -> None:
        """Show ``value`` of 1000 without a synchronous repaint."""
        # QProgressBar.setValue repaints synchronously, and in a window holding a
        # GL widget that recomposes the whole window (~50 ms under software GL):
        # set it with updates off and let the normal, coalesced paint show it.
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(value)
        self.progress.setUpdatesEnabled(True)
        self.progress.update()

    def show_status(self, text: str) -> None:
        """Say ``text`` in the status line."""
        self.status.setStyleSheet("")
        self.status.setText(text)

    def show_error(self, text: str) -> None:
        """Say ``text`` in the status line, in the theme's error colour."""
        self.status.setStyleSheet(theme.ERROR_STYLE)
        self.status.setText(text)


class Timeline(QWidget):
    """Back / play / forward, the scrubbing slider, the epoch shown and the frame choice.

    Signals
    -------
    frame_chosen(str)
        The user picked a stable frame (``"final"``, ``"pinned"``, ``"procrustes"``).
    """

    frame_chosen = Signal(str)

    def __init__(self, playback: Playback, parent: QWidget | None = None):
        super().__init__(parent)
        self.playback = playback
        row = QHBoxLayout()
        row.addWidget(self._button(self.tr("One snapshot back"), "SP_MediaSeekBackward", -1))
        self.play_button = QToolButton()
        self.play_button.clicked.connect(playback.toggle)
        row.addWidget(self.play_button)
        row.addWidget(self._button(self.tr("One snapshot forward"), "SP_MediaSeekForward", 1))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip(self.tr("Scrub through the snapshots"))
        self.slider.setRange(0, 0)
        self.slider.valueChanged.connect(playback.scrub)
        self.time_label = QLabel("—")
        self._fit_time_label()
        row.addWidget(self.slider, 1)
        row.addWidget(self.time_label)
        self.frame_choice = QComboBox()
        for key, text, tip in FRAME_CHOICES:
            self.frame_choice.addItem(QCoreApplication.translate("Timeline", text), key)
            self.frame_choice.setItemData(self.frame_choice.count() - 1,
                                          QCoreApplication.translate("Timeline", tip),
                                          Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        self.frame_choice.currentIndexChanged.connect(self._frame_tip)
        self._frame_tip(0)
        self.frame_choice.activated.connect(
            lambda _i: self.frame_chosen.emit(self.frame_choice.currentData())
        )
        self.pop_button = QToolButton(text=self.tr("Float"))
        self.pop_button.setToolTip(
            self.tr("Float the Train panel as a large window (docked: back in)")
        )
        self.export_button = QToolButton(text=self.tr("Export animation…"))
        self.export_button.setToolTip(
            self.tr(
                "Save the recorded run as an animated GIF (or MP4 with ffmpeg): every snapshot, "
                "interpolated as in playback, with the epoch caption and axis names"
            )
        )
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("Frame")))
        row2.addWidget(self.frame_choice, 1)
        row2.addWidget(self.pop_button)
        row2.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addLayout(row2)
        playback.playing_changed.connect(self._show_playing)
        self._show_playing(playback.playing)

    def _button(self, tip: str, icon: str, delta: int) -> QToolButton:
        b = QToolButton()
        b.setIcon(self.style().standardIcon(getattr(QStyle.StandardPixmap, icon)))
        b.setToolTip(tip)
        b.clicked.connect(lambda: self.playback.step(delta))
        return b

    def set_count(self, n: int) -> None:
        """The slider spans ``n`` snapshots."""
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(n - 1, 0))
        self.slider.blockSignals(False)

    def show_position(self, index: int, epoch: float) -> None:
        """Put the slider on snapshot ``index`` and say the epoch."""
        self.slider.blockSignals(True)
        self.slider.setValue(index)
        self.slider.blockSignals(False)
        self.time_label.setText(self.tr("epoch {epoch}").format(epoch=f"{epoch:.2f}"))

    def _show_playing(self, playing: bool) -> None:
        pix = QStyle.StandardPixmap
        icon = pix.SP_MediaPause if playing else pix.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setToolTip(self.tr("Pause") if playing else self.tr("Play"))

    def _frame_tip(self, index: int) -> None:
        tip = self.frame_choice.itemData(index, Qt.ItemDataRole.ToolTipRole)
        self.frame_choice.setToolTip(
            self.tr("{tip}. How the 3D axes stay still while the vectors learn").format(tip=tip)
        )

    def _fit_time_label(self) -> None:
        # A fixed width: a label whose text changes every frame must not relayout
        # (and so repaint) the plots below it; refitted when the font grows.
        self.time_label.setFixedWidth(
            self.time_label.fontMetrics().horizontalAdvance(
                self.tr("epoch {epoch}").format(epoch="0000.00")
            )
        )

    def changeEvent(self, ev) -> None:
        """Refit the epoch label when the font (presentation text size) changes."""
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.FontChange and hasattr(self, "time_label"):
            self._fit_time_label()


class TrainingCurves(QWidget):
    """The loss and similarity tabs, the pairs to follow and the cosine readout below."""

    def __init__(self, session: TrainingSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.loss_plot = LossPlot()
        self.sim_plot = SimilarityPlot()
        for plot in (self.loss_plot, self.sim_plot):
            plot.setMinimumHeight(90)  # stacked under the form in a side dock, all of it fits
        sim = QWidget()
        sl = QVBoxLayout(sim)
        sl.setContentsMargins(0, 0, 0, 0)
        self.pairs_edit = QLineEdit(session.pairs_text)
        self.pairs_edit.setToolTip(
            self.tr("Word pairs to follow, comma-separated: 'king queen, cat cats'")
        )
        self.pairs_edit.editingFinished.connect(lambda: session.set_pairs(self.pairs_edit.text()))
        sl.addWidget(self.pairs_edit)
        sl.addWidget(self.sim_plot, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.loss_plot, self.tr("Loss"))
        self.tabs.addTab(sim, self.tr("Similarity"))
        self.readout = QLabel("")
        self.readout.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.readout)

    def reset(self, epochs: int) -> None:
        """Empty curves over ``epochs`` epochs (a new run)."""
        self.loss_plot.set_losses([])
        self.sim_plot.set_series([], [], [])
        for plot in (self.loss_plot, self.sim_plot):
            plot.setXRange(0, epochs + 0.5)

    def show_run(self, index: int) -> None:
        """Plot the session's losses and similarities; read out snapshot ``index``."""
        snaps = self.session.snapshots
        if not snaps:
            return
        self.loss_plot.set_losses(snaps[-1].epoch_losses)
        self.loss_plot.set_exact(bool(snaps[-1].info.get("loss_exact", True)))
        self.show_pairs(index)

    def show_pairs(self, index: int) -> None:
        """The pairs' curves and the readout at snapshot ``index`` (after the pairs changed)."""
        if self.pairs_edit.text() != self.session.pairs_text:
            self.pairs_edit.setText(self.session.pairs_text)
        if self.session.snapshots:
            self.sim_plot.set_series(*self.session.similarities())
            self.readout.setText(self.session.readout(index))

    def set_time(self, epoch: float, index: int) -> None:
        """Move both cursors to ``epoch`` and read out snapshot ``index``."""
        self.loss_plot.set_time(epoch)
        self.sim_plot.set_time(epoch)
        self.readout.setText(self.session.readout(index))


class FormAndPicture(QSplitter):
    """The scrolled form beside (wide) or above (narrow) the picture column."""

    def __init__(self, form: QWidget, picture: QWidget, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.form = form
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll = scroll
        self.fit_form()
        self.addWidget(scroll)
        self.addWidget(picture)
        self.setStretchFactor(1, 1)
        # a handle one can see and grab, not a 1 px line
        # (a palette role, not a style sheet: one on the splitter stopped the
        # presentation text size reaching the form)
        self.setHandleWidth(7)
        handle = self.handle(1)
        handle.setAutoFillBackground(True)
        handle.setBackgroundRole(QPalette.ColorRole.Mid)
        handle.setToolTip(self.tr("Drag to give the settings or the picture more room"))
        self._split_by_user = False
        self.splitterMoved.connect(lambda *_: setattr(self, "_split_by_user", True))

    def fit_form(self) -> None:
        """Keep the form column at least as wide as its fields (no clipped numbers)."""
        bar = self.form_scroll.verticalScrollBar().sizeHint().width()
        self.form_scroll.setMinimumWidth(self.form.minimumSizeHint().width() + bar + 4)

    def changeEvent(self, ev) -> None:
        """Refit the form column when the font (presentation text size) changes."""
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.FontChange and hasattr(self, "form_scroll"):
            self.fit_form()

    def showEvent(self, ev) -> None:
        """Fit the form column to the fonts it is shown with."""
        super().showEvent(ev)
        self.fit_form()

    def fit_width(self, width: int) -> None:
        """Side by side in a panel ``width`` pixels wide, stacked when it is narrow."""
        # side by side only when the view column gets a useful width
        # With hysteresis: inside a scroll area, flipping the layout shows or hides a
        # scroll bar, which changes the width again; without a gap the two fed each
        # other forever (found by the monkey test at large text scales).
        limit = self.form.minimumSizeHint().width() + 560
        if self.orientation() == Qt.Orientation.Vertical:
            limit += 40
        narrow = width < limit
        want = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.orientation() != want or not self._split_by_user:
            # Until the user drags the handle, the form keeps its share as the
            # panel grows (a splitter gives all new room to the picture: the
            # form was left a 110 px strip).
            self.setOrientation(want)
            total = self.height() if narrow else self.width()
            form = 0.36 if narrow else 0.3
            self.setSizes([int(total * form), int(total * (1 - form))])


def float_dock(widget: QWidget) -> None:
    """Float the dock holding ``widget`` as a big window, or dock it back."""
    dock = widget.parentWidget()
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    if dock is None:
        return
    if dock.isFloating():
        dock.setFloating(False)
        return
    dock.setFloating(True)
    screen = dock.screen().availableGeometry()
    dock.resize(min(1400, screen.width() - 40), min(900, screen.height() - 40))
    dock.move(screen.center() - dock.rect().center())
