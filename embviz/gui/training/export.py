"""Export a recorded training run as an animation: GIF, or MP4 when ffmpeg is there.

Every frame is drawn by the Train panel's own :class:`TrainingView`, offscreen,
at the export's size: the watched words move from their initial vectors
snapshot by snapshot, interpolated as in playback, with the caption
("epoch 1.50 / 10 · ...") and the axis names. OpenGL draws on the GUI thread,
so :class:`AnimationExport` draws one frame per turn of the event loop (the
window stays responsive and Cancel is honoured between frames) and encodes
the GIF on a worker thread at the end. ``embviz train --animation`` uses
:func:`render_recording` directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QSpinBox,
    QWidget,
)

from embviz.core.errors import Cancelled, EmbvizError
from embviz.core.frames import frame_count, interpolate
from embviz.core.i18n import QT_TRANSLATE_NOOP
from embviz.core.playback import Playback
from embviz.core.training import caption
from embviz.core.training_session import Recording, TrainingSession
from embviz.gui.glview import offscreen_view
from embviz.gui.training.view import TrainingView

# How long the finished state stays on screen before a GIF loops, in seconds.
HOLD_LAST = 1.5
SIZES = {
    "960 × 600": (960, 600),
    "1280 × 800": (1280, 800),
    QT_TRANSLATE_NOOP("ExportOptionsDialog", "1920 × 1080 (Full HD)"): (1920, 1080),
    "640 × 400": (640, 400),
}


def export_scale(width: int, text_scale: float = 1.0) -> float:
    """Text and point scale for an export ``width`` pixels wide.

    The panel's view is about 720 pixels wide; a larger export scales with it,
    so its labels are as legible when the video fills a projector.
    """
    return text_scale * max(1.0, width / 720)


def render_recording(rec: Recording, times: Sequence[float], size: tuple[int, int], *,
                     scale: float = 1.0, camera: dict | None = None) -> Iterator:  # fmt: skip
    """Yield one QImage per snapshot position in ``times``, drawn as the panel draws.

    The offscreen view is deleted when the generator ends or is closed.
    """
    if not rec.coords:
        raise EmbvizError("no snapshots to animate: train first")
    from embviz.gui.render import application

    application()  # the command line has none yet
    view = offscreen_view(TrainingView, size, scale, camera)
    try:
        view.set_words(rec.words, rec.groups)
        view.set_highlight(rec.highlight)
        for t in times:
            view.set_frame(
                interpolate(rec.coords, t),
                rec.axis_labels,
                caption(rec.snapshots, t, rec.total_epochs),
            )
            yield view.grabFramebuffer()
    finally:
        view.close()
        view.deleteLater()


def write_animation(rec: Recording, path: str | Path, *, fps: float = 15.0, seconds: float,
                    size: tuple[int, int] = (960, 600), scale: float | None = None,
                    camera: dict | None = None,
                    on_frame: Callable[[int, int], None] | None = None) -> Path:  # fmt: skip
    """Render and write the whole animation in one go (the command line's way).

    ``on_frame(i, n)`` is called after each frame. Returns the written file.
    """
    from embviz.gui.render import AnimationWriter, to_pil

    times = rec.times(fps, seconds)
    scale = export_scale(size[0]) if scale is None else scale
    first, last = (to_pil(img) for img in render_recording(rec, [times[0], times[-1]], size,
                                                           scale=scale, camera=camera))  # fmt: skip
    writer = AnimationWriter(path, fps, size, frames=len(times), palette_from=[first, last])
    try:
        for i, img in enumerate(render_recording(rec, times, size, scale=scale, camera=camera)):
            writer.add(to_pil(img))
            if on_frame is not None:
                on_frame(i + 1, len(times))
        return writer.finish(hold_last=HOLD_LAST)
    except BaseException:
        writer.abort()
        raise


class AnimationExport(QObject):
    """Render a recording frame by frame on the GUI thread, then encode it off it.

    Signals
    -------
    finished(object)
        The written file's path.
    failed(BaseException)
        An error, or :class:`Cancelled` after Cancel (no file is left behind).
    progressed(int, int)
        Frames drawn so far and in all.
    """

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, rec: Recording, path: str | Path, *, fps: float, seconds: float,
                 size: tuple[int, int], scale: float, camera: dict | None = None,
                 parent: QWidget | None = None, show_dialog: bool = True,
                 render: Callable[..., Iterator] | None = None):  # fmt: skip
        super().__init__(parent)
        self.rec = rec
        # Any recording with times(fps, seconds) and a render(rec, times, size, scale=,
        # camera=) yielding QImages: the Context panel's layers use it too.
        self._render = render or render_recording
        self.path = Path(path)
        self.fps, self.size, self.scale, self.camera = fps, tuple(size), scale, camera
        self.times = rec.times(fps, seconds)
        self.done_frames = 0
        self._writer = None
        self._frames: Iterator | None = None
        self._job = None
        self._cancelled = False
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            d = QProgressDialog(self.tr("Drawing the frames…"), self.tr("Cancel"), 0,
                                len(self.times), parent)  # fmt: skip
            d.setWindowTitle(self.tr("Export animation"))
            d.setWindowModality(Qt.WindowModality.WindowModal)
            d.setMinimumDuration(300)
            d.setAutoClose(False)
            d.setAutoReset(False)
            d.canceled.connect(self.cancel)
            self.dialog = d

    @property
    def frames(self) -> int:
        """How many frames the animation has."""
        return len(self.times)

    def start(self) -> AnimationExport:
        """Check the settings, set up the file and start drawing; returns self.

        Raises
        ------
        EmbvizError
            A bad path or format, no ffmpeg for MP4, or a GIF too large.
        """
        from embviz.gui.render import AnimationWriter, to_pil

        first, last = (to_pil(img) for img in self._render(
            self.rec, [self.times[0], self.times[-1]], self.size, scale=self.scale,
            camera=self.camera))  # fmt: skip
        self._writer = AnimationWriter(self.path, self.fps, self.size, frames=self.frames,
                                       palette_from=[first, last])  # fmt: skip
        self._frames = self._render(self.rec, self.times, self.size, scale=self.scale,
                                    camera=self.camera)  # fmt: skip
        self._running = True
        if self.dialog is not None:
            self.dialog.setValue(0)
        self._timer.start()
        return self

    def is_running(self) -> bool:
        """Whether frames are being drawn or the file written."""
        return self._running

    def cancel(self) -> None:
        """Stop after the current frame; the partial file is removed."""
        if not self._running or self._cancelled:
            return
        self._cancelled = True
        if self._job is not None:  # encoding: the thread finishes, then the file goes
            self._job.cancel()
            return
        self._timer.stop()
        self._timer.start()  # _step sees the flag and cleans up

    def _step(self) -> None:
        from embviz.gui.render import to_pil

        if self._cancelled:
            self._fail(Cancelled("export cancelled"))
            return
        try:
            img = next(self._frames)
            self._writer.add(to_pil(img))
        except StopIteration:
            self._encode()
            return
        except BaseException as e:
            self._fail(e)
            return
        self.done_frames += 1
        self.progressed.emit(self.done_frames, self.frames)
        if self.dialog is not None:
            self.dialog.setLabelText(
                self.tr("Drawing frame {n} of {total}…").format(
                    n=self.done_frames, total=self.frames
                )
            )
            self.dialog.setValue(self.done_frames)
        self._timer.start()  # the next frame after pending events: the window stays live

    def _encode(self) -> None:
        from embviz.gui.jobs import Job

        self._frames = None
        writer = self._writer
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Writing {name}…").format(name=self.path.name))
            self.dialog.setRange(0, 0)

        def work(progress):
            out = writer.finish(hold_last=HOLD_LAST)
            if progress.cancelled:  # Pillow cannot be stopped mid-file: drop it after
                raise Cancelled("export cancelled")
            return out

        self._job = Job("", work, self, show_dialog=False)
        self._job.done.connect(self._succeed)
        self._job.error.connect(self._fail)
        self._job.start()

    def _succeed(self, path) -> None:
        self._running = False
        self._close_dialog()
        self.finished.emit(Path(path))

    def _fail(self, error: BaseException) -> None:
        self._running = False
        if self._frames is not None:
            self._frames.close()  # deletes the offscreen view
            self._frames = None
        if self._writer is not None:
            self._writer.abort()
        self._close_dialog()
        self.failed.emit(error)

    def wait(self, ms: int = 30000) -> bool:
        """Block until an encoding thread ends (window closing); True if none runs."""
        return self._job is None or self._job.wait(ms)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


class ExportOptionsDialog(QDialog):
    """Frames per second, duration and size of a training animation."""

    def __init__(self, playback_seconds: float, snapshots: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export training animation"))
        self._snapshots = snapshots
        self.fps_spin = QSpinBox(minimum=2, maximum=60, value=15)
        self.fps_spin.setSuffix(self.tr(" frames/s"))
        self.fps_spin.setToolTip(
            self.tr("Smoothness: 15 is smooth enough for a slide, 30 for video")
        )
        self.seconds_spin = QDoubleSpinBox(decimals=1, minimum=1.0, maximum=600.0, singleStep=1.0)
        self.seconds_spin.setValue(min(max(playback_seconds, 1.0), 600.0))
        self.seconds_spin.setSuffix(self.tr(" s"))
        self.seconds_spin.setToolTip(
            self.tr(
                "From the initial vectors to the last snapshot (default: as fast as playback); "
                "the last state is then held {hold} s"
            ).format(hold=f"{HOLD_LAST:g}")
        )
        self.size_combo = QComboBox()
        for name, size in SIZES.items():
            self.size_combo.addItem(self.tr(name), size)
        self.size_combo.setToolTip(self.tr("Pixels; text and points grow with the size"))
        self.summary = QLabel()
        form = QFormLayout(self)
        form.addRow(self.tr("Frame rate"), self.fps_spin)
        form.addRow(self.tr("Duration"), self.seconds_spin)
        form.addRow(self.tr("Size"), self.size_combo)
        form.addRow(self.summary)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose file…"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            self.tr("Pick where to save it")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(self.tr("Export nothing"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for signal in (self.fps_spin.valueChanged, self.seconds_spin.valueChanged):
            signal.connect(self._update_summary)
        self._update_summary()

    def fps(self) -> float:
        """Frames per second."""
        return float(self.fps_spin.value())

    def seconds(self) -> float:
        """Duration from the first to the last snapshot."""
        return float(self.seconds_spin.value())

    def size(self) -> tuple[int, int]:
        """Width and height in pixels."""
        return tuple(self.size_combo.currentData())

    def _update_summary(self) -> None:
        n = frame_count(self.fps(), self.seconds())
        self.summary.setText(
            self.tr("{n} frames over {snapshots} snapshots").format(n=n, snapshots=self._snapshots)
        )


class TrainingExports(QObject):
    """Animation exports of a :class:`TrainingSession`'s recording, one at a time.

    Signals
    -------
    status(str)
        A message for the status line (started, saved, cancelled).
    error(str)
        A one-line error for the status line.
    changed()
        An export started or ended (buttons may change).
    """

    status = Signal(str)
    error = Signal(str)
    changed = Signal()

    def __init__(self, session: TrainingSession, playback: Playback, view: TrainingView,
                 text_scale: Callable[[], float], parent: QWidget):  # fmt: skip
        super().__init__(parent)
        self.session, self.playback, self.view = session, playback, view
        self._text_scale = text_scale
        self.current: AnimationExport | None = None

    def is_running(self) -> bool:
        """Whether an export is drawing or writing."""
        return self.current is not None and self.current.is_running()

    def start(self, path: str, *, fps: float = 15.0, seconds: float | None = None,
              size: tuple[int, int] = (960, 600), show_dialog: bool = True) -> AnimationExport:  # fmt: skip
        """Start writing the recorded run to ``path`` (.gif or .mp4); returns the export.

        The frames are drawn one per turn of the event loop, with a progress
        dialog whose Cancel stops it; its ``finished``/``failed`` signals
        say how it ended, and :attr:`status` says so too.

        Raises
        ------
        EmbvizError
            Nothing recorded yet, a bad path or format, no ffmpeg for MP4, a GIF too large.
        """
        if self.is_running():
            raise EmbvizError(self.tr("an export is already running"))
        rec = self.session.recording()
        if len(rec.coords) < 2:
            raise EmbvizError(
                self.tr("nothing to animate yet: wait for the first snapshot after the start")
            )
        export = AnimationExport(
            rec, path, fps=fps, seconds=seconds or rec.playback_seconds(self.playback.speed),
            size=size, scale=export_scale(size[0], self._text_scale()),
            camera=self.view.camera(), parent=self.parent(), show_dialog=show_dialog,
        )  # fmt: skip
        export.finished.connect(self._exported)
        export.failed.connect(self._failed)
        self.current = export
        try:
            export.start()
        except BaseException:
            self.current = None
            raise
        self.status.emit(
            self.tr("Exporting {n} frames to {name}…").format(n=export.frames, name=Path(path).name)
        )
        self.changed.emit()
        return export

    def ask(self) -> None:
        """Ask for frames per second, duration, size and a file, then export."""
        from embviz.gui.export_menu import export_dir, remember_export
        from embviz.gui.render import animation_formats

        n = len(self.session.snapshots)
        if n < 2:
            self.error.emit(self.tr("nothing to animate yet: train first"))
            return
        parent = self.parent()
        options = ExportOptionsDialog(self.playback.seconds(), n, parent)
        if not options.exec():
            return
        filters = [self.tr("Animated GIF (*.gif)")]
        if "mp4" in animation_formats():
            filters.append(self.tr("MP4 video (*.mp4)"))
        start = str(export_dir(parent.window()) / "embviz-training.gif")  # not the current folder
        path, chosen = QFileDialog.getSaveFileName(parent, self.tr("Export training animation"), start,
                                                   ";;".join(filters))  # fmt: skip
        if not path:
            return
        remember_export(parent.window(), path)
        if not Path(path).suffix:
            path += ".mp4" if chosen.endswith("(*.mp4)") else ".gif"
        try:
            self.start(path, fps=options.fps(), seconds=options.seconds(), size=options.size())
        except EmbvizError as e:
            self.error.emit(str(e))

    def shutdown(self) -> None:
        """Cancel a running export without waiting (its thread ends on its own; see gui.jobs)."""
        if self.is_running():
            self.current.cancel()

    def _exported(self, path) -> None:
        self.status.emit(
            self.tr("Saved the animation ({n} frames) to {path}").format(
                n=self.current.frames, path=path
            )
        )
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.status.emit(self.tr("Export cancelled; no file written"))
        elif isinstance(error, EmbvizError):
            self.error.emit(str(error))
        else:
            from embviz.gui.error_dialog import log_exception

            log_exception(error)
            self.error.emit(
                self.tr("export failed: {error}").format(error=f"{type(error).__name__}: {error}")
            )
        self.changed.emit()
