"""The central 3D view: shown words as points, labels drawn in one overlay pass."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEasingCurve, QVariantAnimation, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from embviz.core.labels import place_labels
from embviz.core.projection import LINEAR_KINDS
from embviz.core.workspace import Workspace
from embviz.gui import theme
from embviz.gui.glview import GLView

# World radius the projected cloud is scaled to; the camera is set for it.
RADIUS = GLView.RADIUS
ANIMATION_MS = 500
# Label candidates per frame: the selection first, then this many frequent words.
# Bounding it keeps per-frame work independent of how many points are shown.
MAX_LABEL_CANDIDATES = 2500
# Above this many points, sprites are small squares drawn without depth test (speed).
BIG_CLOUD = 20_000


def point_size(n: int) -> float:
    """Sprite diameter in pixels for ``n`` points: 9 up to 2,000, shrinking to 3.

    Smaller sprites for big clouds keep them readable and keep the fill
    rate (the cost under software OpenGL) bounded.
    """
    if n <= 2000:
        return 9.0
    return float(max(3.0, 9.0 * (2000 / n) ** 0.35))


def _arrow_segments(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Shaft and two head strokes of an arrow from ``a`` to ``b``: (6, 3) line ends."""
    d = b - a
    length = float(np.linalg.norm(d))
    if length < 1e-9:
        return np.array([a, b, b, b, b, b], dtype=np.float32)
    d /= length
    up = np.array([0.0, 0.0, 1.0]) if abs(d[2]) < 0.9 else np.array([1.0, 0.0, 0.0])
    side = np.cross(d, up)
    side /= np.linalg.norm(side)
    h = min(0.18 * length, 1.2)
    back = b - h * d
    return np.array([a, b, b, back + 0.45 * h * side, b, back - 0.45 * h * side], np.float32)


def _world_positions(proj, n: int) -> tuple[np.ndarray, float]:
    """``(n, 3)`` float32 world positions of a projection's points, and its scale."""
    if proj is None or n == 0:
        return np.zeros((n, 3), dtype=np.float32), 1.0
    c = proj.coords
    # every point within the axes' length: nothing is clipped at any angle
    # (a layout has no axes: its points may reach as far as their tips)
    reach = float(np.linalg.norm(c, axis=1).max()) if len(c) else 1.0
    scale = (RADIUS if proj.linear else 1.15 * RADIUS) / max(reach, 1e-9)
    return np.ascontiguousarray(c * scale, dtype=np.float32), scale


def _start_positions(new, rows, old_rows, new_kind: bool, displayed) -> tuple[np.ndarray, bool]:
    """Where the points of ``rows`` start an animation to ``new``, and whether they move.

    The same words move from where they are drawn now (``displayed()``); after a
    change of kind (a layout of a sample, or back to all words) the words on
    show before and after move from where they were and the others appear.
    """
    same_words = len(rows) == len(old_rows) and np.array_equal(rows, old_rows)
    if same_words and len(new):
        return displayed(), True
    if len(new) and len(old_rows) and new_kind:
        before = displayed()
        index = {r: i for i, r in enumerate(old_rows.tolist())}
        pairs = [(j, index[r]) for j, r in enumerate(rows.tolist()) if r in index]
        if pairs:
            j, i = np.asarray(pairs, dtype=np.intp).T
            start = new.copy()
            start[j] = before[i]
            return start, True
    return new, False


class SceneView(GLView):
    """Orbitable 3D scatter of the workspace's shown words.

    Parameters
    ----------
    workspace
        The model; the view redraws on its signals and emits
        :attr:`wordClicked` when a point is clicked.
    """

    wordClicked = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.show_labels = True
        self.max_labels = 400
        self._points = self.add_points()
        # the selected word and its neighbours again, drawn over the cloud: a
        # search's green points are never hidden behind other words' points
        self._highlights = self.add_points(round_sprites=True, depth_test=False)
        self.add_axes()
        self._overlay_lines = self.add_lines(width=2.5)
        self._markers = self.add_points()
        self._pos = np.zeros((0, 3), dtype=np.float32)  # target positions
        self._from = self._pos  # positions an animation starts from
        self._t = 1.0
        self._rows = np.zeros(0, dtype=np.intp)
        self._kind: str | None = None  # the projection kind on show
        self._overlays_hidden = False  # a layout cannot place the overlays
        self._words: list[str] = []
        self._at: dict[str, int] = {}
        self._freq_order = np.zeros(0, dtype=np.intp)
        self._scale = 1.0
        self._overlay_labels: list[tuple[np.ndarray, str, tuple[int, int, int]]] = []
        self._overlay_words: dict[str, tuple[int, int, int]] = {}
        self._n_overlay_words = 0
        self._placement_key = None
        self._placement: list[tuple[int, float, float]] = []
        self._version = 0
        self._anim = QVariantAnimation(self)
        self._anim.setDuration(ANIMATION_MS)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.valueChanged.connect(self._set_t)
        self._subscriptions = [
            (workspace.shown_changed, self._on_shown),
            (workspace.selection_changed, self._on_selection),
            (workspace.overlays_changed, self._update_overlays),
            (workspace.colors_changed, self.restyle),
            (workspace.label_scale_changed, self.set_label_scale),
        ]
        for signal, slot in self._subscriptions:
            signal.connect(slot)
        self.label_scale = workspace.label_scale
        if workspace.projection is not None:
            self._on_shown()

    def set_theme(self, name: str) -> None:
        """Use the ``"dark"`` or ``"light"`` colours (shared by all views)."""
        theme.set_view3d(name)
        self._on_theme(name)

    def restyle(self) -> None:
        """Push the colours (the theme's, the colouring's) into points, arrows and captions."""
        self._version += 1
        self._update_points()
        self._update_overlays()  # theme-coloured arrows and captions

    def detach(self) -> None:
        """Stop listening to the workspace (before an offscreen copy is deleted)."""
        for signal, slot in self._subscriptions:
            signal.disconnect(slot)
        self._subscriptions = []

    def set_point_scale(self, scale: float) -> None:
        """Scale the point sprites (exports larger than the window use it)."""
        self.point_scale = float(scale)
        self._update_points()

    # -- camera --------------------------------------------------------------------
    def fly_to(self, word: str) -> None:
        """Move the camera's centre smoothly onto ``word``'s point."""
        i = self._at.get(word)  # the view's own words: the workspace's may be newer
        if i is None:
            return
        self.fly_center(self._pos[i])

    # -- model → pixels ------------------------------------------------------------
    def _on_shown(self) -> None:
        proj = self.workspace.projection
        rows = self.workspace.shown_rows
        new, self._scale = _world_positions(proj, len(rows))
        kind = proj.kind if proj is not None else None
        start, animate = _start_positions(new, rows, self._rows, kind != self._kind,
                                          self.displayed_positions)  # fmt: skip
        if kind != self._kind and self._kind is not None and kind is not None:
            if kind not in LINEAR_KINDS or self._kind not in LINEAR_KINDS:
                # into or out of a layout: the camera's centre (e.g. on the selected
                # word's old position) means nothing there; show the whole picture
                self.fly_center(np.zeros(3))
        self._kind = kind
        self._rows = rows.copy()
        self._words = self.workspace.shown_words
        self._at = {w: i for i, w in enumerate(self._words)}
        self._freq_order = np.argsort(self._rows, kind="stable")[:MAX_LABEL_CANDIDATES]
        self._anim.stop()
        self._pos, self._from = new, start
        self._points.set_data(pos_from=start, pos_to=new)
        self._version += 1
        # a t-SNE or UMAP layout has no axes: drawing some would suggest meaning
        self._axes.setVisible(proj is None or proj.linear)
        self._update_points()
        self._update_overlays()
        if animate and not np.array_equal(start, new):
            self._set_t(0.0)
            self._anim.start()
        else:
            self._set_t(1.0)

    def _set_t(self, t) -> None:
        self._t = float(t)
        self._points.set_t(self._t)
        self._highlights.set_t(self._t)
        self.update()

    def is_animating(self) -> bool:
        """Whether points are moving to a new slice."""
        return self._anim.state() == QVariantAnimation.State.Running

    def displayed_positions(self) -> np.ndarray:
        """World positions of the points as drawn now (mid-animation: in between)."""
        if self._t >= 1.0 or len(self._from) != len(self._pos):
            return self._pos
        return (self._from + (self._pos - self._from) * self._t).astype(np.float32)

    def _on_selection(self, word) -> None:
        self._version += 1
        self._update_points()
        if word:
            self.fly_to(word)

    def _font(self) -> QFont:
        """The label font: the widget's, scaled, falling back to a CJK font for 中国."""
        return self.text_font(10.0, minimum=6.0)

    def set_label_scale(self, scale: float) -> None:
        """Scale label text (presentation size); 1.0 is the normal size."""
        self.label_scale = float(scale)
        self.texts.clear()
        self._version += 1
        self.update()

    def category_colors(self) -> tuple[np.ndarray, list[tuple[str, tuple]]]:
        """RGBA 0..1 per shown point from the workspace's colouring, and the legend."""
        n = len(self._pos)
        codes, names = self.workspace.categories()
        if not names or len(codes) != n:  # no colouring, or the view is behind its words
            return np.tile(np.array(self.colors["point"], np.float32) / 255, (n, 1)), []
        palette = self.colors["categories"]
        pal = np.array([(*palette[i % len(palette)], 255) for i in range(len(names))], np.float32)
        colors = np.tile(np.array(self.colors["uncategorised"], np.float32), (n, 1))
        has = codes >= 0
        colors[has] = pal[codes[has]]
        legend = [(name, palette[i % len(palette)]) for i, name in enumerate(names)]
        return colors / 255, legend

    def _update_points(self) -> None:
        n = len(self._pos)
        colors, self._legend = self.category_colors()
        sizes = np.full(n, point_size(n) * self.point_scale, dtype=np.float32)
        # The words this view has points for, not the workspace's list, which can
        # hold words without points: one shown word has no projection, so an
        # export's fresh view has no point for it.
        at = self._at
        top = []  # neighbours, then the selection: the last is drawn on top
        for nb in self.workspace.neighbors:
            if nb.word in at:
                colors[at[nb.word]] = np.array(self.colors["neighbor"], np.float32) / 255
                sizes[at[nb.word]] = max(sizes[at[nb.word]], 9.0 * self.point_scale)
                top.append(at[nb.word])
        if self.workspace.selected in at:
            i = at[self.workspace.selected]
            colors[i] = np.array(self.colors["selected"], np.float32) / 255
            sizes[i] = 16.0 * self.point_scale
            top.append(i)
        self._points.set_data(color=colors, size=sizes)
        top = np.asarray(top, dtype=np.intp)
        same = len(self._from) == len(self._pos)
        self._highlights.set_data(
            pos_from=(self._from if same else self._pos)[top], pos_to=self._pos[top],
            color=colors[top], size=sizes[top],
        )  # fmt: skip
        big = n > BIG_CLOUD
        self._points.set_style(round_sprites=not big, depth_test=not big)
        self.update()

    def _update_overlays(self) -> None:
        """Project every overlay's arrows and markers with the current slice."""
        proj = self.workspace.projection
        lines, line_colors, marks, mark_colors = [], [], [], []
        self._overlay_labels = []
        self._overlay_words = {}  # word -> colour: labelled first
        # a non-linear layout places only its own words: arrows and computed
        # points would land somewhere meaningless, so they are not drawn
        self._overlays_hidden = (
            proj is not None
            and not proj.linear
            and any(ov.arrows or ov.markers for ov in self.workspace.overlays.values())
        )
        if proj is not None and proj.linear:
            for ov in self.workspace.overlays.values():
                rgb = self.colors[ov.color] if isinstance(ov.color, str) else ov.color
                rgba = np.array([*rgb[:3], 255], np.float32) / 255
                for w in ov.words:
                    self._overlay_words.setdefault(w, tuple(rgb[:3]))
                for start, end, label in ov.arrows:
                    a, b = proj.apply(np.vstack([start, end])) * self._scale
                    lines.append(_arrow_segments(a.astype(np.float64), b.astype(np.float64)))
                    line_colors.append(np.tile(rgba, (6, 1)))
                    if label:
                        self._overlay_labels.append(((a + b) / 2, label, rgb))
                for point, label in ov.markers:
                    p = proj.apply(np.asarray(point)[None, :])[0] * self._scale
                    marks.append(p)
                    mark_colors.append(rgba)
                    if label:
                        self._overlay_labels.append((p, label, rgb))
        if lines:
            self._overlay_lines.setData(pos=np.vstack(lines), color=np.vstack(line_colors))
            self._overlay_lines.setVisible(True)
        else:
            self._overlay_lines.setVisible(False)
        m = np.array(marks, np.float32).reshape(-1, 3)
        self._markers.set_data(pos_to=m, color=np.array(mark_colors, np.float32).reshape(-1, 4),
                               size=np.full(len(m), 14.0, np.float32))  # fmt: skip
        self._version += 1
        self.update()

    # -- screen geometry -----------------------------------------------------------
    def screen_positions(self):
        """Pixel position, depth and visibility of every shown point."""
        return self.project(self.displayed_positions())

    def word_at(self, x: float, y: float, radius: float = 12.0) -> str | None:
        """Return the shown word whose point is nearest to pixel (x, y), within ``radius``.

        Among points under the cursor the one nearest the camera wins.
        """
        i = self.index_at(self.displayed_positions(), x, y, radius)
        return None if i is None else self._words[i]

    # -- painting ------------------------------------------------------------------
    def paintGL(self) -> None:
        """Draw the GL scene, then all labels and axis names in one QPainter pass."""
        super().paintGL()
        if len(self._pos) == 0 and not self._overlay_labels and not self.info_lines():
            return
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            if self.show_labels:
                self._paint_labels(painter)
            font = self._font()
            font.setBold(True)
            painter.setFont(font)
            for text, x, y, color, _box in self._axis_names():  # shadowed, beyond the tips
                self.paint_text(painter, x + 1, y + 1, text, self.colors["shadow"])
                self.paint_text(painter, x, y, text, color)
            self.paint_notes(painter, self.info_lines(), getattr(self, "_legend", []))
        finally:
            painter.end()

    def _candidates(self) -> np.ndarray:
        """Indices of points that may get a label, most important first."""
        at = self._at
        # the words an overlay is about (an analogy's), then the selection
        first = list(dict.fromkeys(at[w] for w in self._overlay_words if w in at))
        self._n_overlay_words = len(first)
        if self.workspace.selected in at:
            first.append(at[self.workspace.selected])
        first += [at[n.word] for n in self.workspace.neighbors if n.word in at]
        first = list(dict.fromkeys(first))
        # then by frequency (row order in the file)
        rest = self._freq_order
        if first:
            rest = rest[~np.isin(rest, first)]
        return np.concatenate([np.asarray(first, dtype=np.intp), rest])

    def _place(self) -> list[tuple[int, float, float, str, tuple]]:
        """Choose label positions; recomputed only when the camera or data change."""
        w, h = self.width(), self.height()
        o = self.opts
        c = o["center"]
        key = (w, h, c.x(), c.y(), c.z(), o["distance"], o["elevation"], o["azimuth"],
               o["fov"], self._t, self._version)  # fmt: skip
        if key == self._placement_key:
            return self._placement
        cand = self._candidates()
        pos = self.displayed_positions()[cand]
        extra = [p for p, _, _ in self._overlay_labels]
        pts = np.vstack([np.array(extra, np.float64).reshape(-1, 3), pos])
        xy, _depth, visible = self.project(pts)
        texts = [t for _, t, _ in self._overlay_labels] + [self._words[i] for i in cand]
        sizes = self.texts.sizes(texts, self._font())
        n_extra = len(extra)
        idx = np.arange(len(pts))
        # the overlay's words (an analogy's a, b, c, answer), its captions, the
        # selection, then by frequency: a stable priority, so labels do not
        # flicker from word to word while the camera turns
        k = self._n_overlay_words
        order = np.concatenate([idx[n_extra : n_extra + k], idx[:n_extra], idx[n_extra + k :]])
        order = order[visible[order]]
        blocked = [box for *_, box in self._axis_names()]
        info = self.notes_height(len(self.info_lines()))
        if info:  # the notes in the bottom corner stay readable
            blocked.append((0.0, h - info, float(w), float(h)))
        # the overlay's words and captions and the selection try other sides too
        n_first = k + n_extra + (self.workspace.selected in self._at)
        placed = place_labels(xy, sizes, order, w, h, max_labels=self.max_labels,
                              blocked=blocked, important=n_first)  # fmt: skip
        words = self._words
        highlight = {self.workspace.selected} | {n.word for n in self.workspace.neighbors}
        out = []
        for i, x, y in placed:
            if i < n_extra:
                _, text, color = self._overlay_labels[i]
            else:
                text = words[cand[i - n_extra]]
                color = self._overlay_words.get(text)
                if color is None:
                    color = (
                        self.colors["label_selected"] if text in highlight else self.colors["label"]
                    )
            out.append((i, x, y, text, color))
        self._placement_key, self._placement = key, out
        return out

    def _paint_labels(self, painter: QPainter) -> None:
        # haloed, so labels read where they cross points and lines
        placed = [(x, y, text, color) for _i, x, y, text, color in self._place()]
        self.paint_labels(painter, self._font(), placed, halo=True)

    def _axis_names(self) -> list[tuple[str, float, float, tuple, tuple]]:
        """Each axis name's text, baseline position, colour and box, beyond its tip."""
        proj = self.workspace.projection
        if proj is None or not proj.linear:
            return []
        w, h = self.width(), self.height()
        # the name sits just beyond the axis tip, or further in when the tip is off screen
        radii = RADIUS * np.array([1.15, 1.0, 0.8, 0.6, 0.4])
        ends = np.vstack([np.zeros((1, 3)), *[np.eye(3) * r for r in radii]])
        xy_all, _, vis_all = self.project(ends)
        origin = xy_all[0]
        font = self._font()
        font.setBold(True)
        fm = QFontMetricsF(font)
        bottom = h - 2 - self.notes_height(len(self.info_lines()))  # above the notes
        out = []
        for k in range(3):
            j = next((1 + j * 3 + k for j in range(len(radii)) if vis_all[1 + j * 3 + k]), None)
            if j is None:
                continue
            tip = xy_all[j]
            d = tip - origin
            d = d / max(float(np.hypot(*d)), 1e-6)
            text = proj.labels[k]
            if proj.kind == "axes":
                text = f"{'xyz'[k]}: {text}"
            tw, asc, desc = fm.horizontalAdvance(text), fm.ascent(), fm.descent()
            ax, ay = tip + 8 * d
            # grow the text away from the axis so the line never runs through it
            x = ax if d[0] > 0.35 else ax - tw if d[0] < -0.35 else ax - tw / 2
            y = ay if d[1] < -0.35 else ay + asc if d[1] > 0.35 else ay + asc / 2
            x = min(max(x, 2.0), w - tw - 2)
            y = min(max(y, asc + 2), bottom - desc)
            out.append(
                (text, x, y, self.colors["axis"][k], (x - 2, y - asc - 2, x + tw + 2, y + desc + 2))
            )
        return out

    def info_lines(self) -> list[str]:
        """What the corner of the view says about the slice (also used by tests)."""
        ws = self.workspace
        proj = ws.projection
        said = [ws.words_note] if ws.words_note else []  # e.g. no teaching words in the file
        if proj is None:
            return said
        lines = said + ([proj.note] if proj.note else [])
        if not proj.linear:
            if ws.layout is not None:
                lines.append(ws.layout.describe())
            if self._overlays_hidden:
                lines.append(
                    QCoreApplication.translate(
                        "SceneView",
                        "Arrows and computed points are hidden: this layout cannot place them.",
                    )
                )
            return lines
        if len(ws.in_slice) == len(self._words) and len(ws.in_slice):
            mean = f"{100 * float(np.mean(ws.in_slice)):.0f}"
            text = QCoreApplication.translate(
                "SceneView",
                "In this slice: {share} % of a word's length on average; the rest is invisible "
                "here.",
            ).format(share=mean)
            if ws.selected in self._at:
                f = float(ws.in_slice[self._at[ws.selected]])
                text = QCoreApplication.translate(
                    "SceneView",
                    "“{word}”: {share} % of its length is in this slice (average {mean} %); the "
                    "rest is invisible here.",
                ).format(word=ws.selected, share=f"{100 * f:.0f}", mean=mean)
            lines.append(text)
        return lines

    def clicked(self, x: float, y: float) -> None:
        """A click on a point selects its word."""
        word = self.word_at(x, y)
        if word is not None:
            self.wordClicked.emit(word)
