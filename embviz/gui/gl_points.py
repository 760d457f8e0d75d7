"""A point-sprite cloud for the 3D view that stays fast at 100,000 points.

pyqtgraph's ``GLScatterPlotItem`` draws translucent 10-pixel sprites; under
Mesa llvmpipe that fill rate caps 100k points at ~16 fps. This item draws
opaque round sprites with depth testing (hidden fragments are rejected
early), sized for the number of points, and keeps everything on the GPU:
buffers are uploaded only when data changes, and an animation between two
slices is a single ``u_t`` uniform that the vertex shader uses to blend the
old and new positions — no per-frame Python work proportional to N.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph.opengl as gl
from OpenGL import GL
from OpenGL.GL import shaders
from PySide6.QtGui import QOpenGLContext
from PySide6.QtOpenGL import QOpenGLBuffer

_VERTEX = """
uniform mat4 u_mvp;
uniform float u_t;
uniform float u_size_scale;
IN vec3 a_from;
IN vec3 a_to;
IN vec4 a_color;
IN float a_size;
OUT vec4 v_color;
void main() {
    gl_Position = u_mvp * vec4(mix(a_from, a_to, u_t), 1.0);
    gl_PointSize = a_size * u_size_scale;
    v_color = a_color;
}
"""

_FRAGMENT = """
IN vec4 v_color;
FRAG_DECL
void main() {
    vec2 c = 2.0 * gl_PointCoord - 1.0;
    float r2 = dot(c, c);
    if (r2 > 1.0) discard;
    // a darker rim keeps touching points apart
    FRAG_COLOR = vec4(r2 > 0.62 ? v_color.rgb * 0.45 : v_color.rgb, 1.0);
}
"""


# Tiny sprites need no round shape: without ``discard`` llvmpipe keeps its fast path.
_FRAGMENT_SQUARE = """
IN vec4 v_color;
FRAG_DECL
void main() {
    FRAG_COLOR = vec4(v_color.rgb, 1.0);
}
"""


def _sources(ctx: QOpenGLContext, fragment: str = _FRAGMENT) -> tuple[str, str]:
    fmt = ctx.format()
    modern = (fmt.version() >= (3, 0)) if ctx.isOpenGLES() else (fmt.version() >= (3, 1))
    if ctx.isOpenGLES():
        head = "#version 300 es\nprecision mediump float;\n" if modern else "#version 100\n"
    else:
        head = "#version 140\n" if modern else "#version 120\n"
    if modern:
        vs = _VERTEX.replace("IN ", "in ").replace("OUT ", "out ")
        fs = fragment.replace("IN ", "in ").replace("FRAG_DECL", "out vec4 fragColor;")
        fs = fs.replace("FRAG_COLOR", "fragColor")
    else:
        vs = _VERTEX.replace("IN ", "attribute ").replace("OUT ", "varying ")
        fs = fragment.replace("IN ", "varying ").replace("FRAG_DECL", "")
        fs = fs.replace("FRAG_COLOR", "gl_FragColor")
    return head + vs, head + fs


class PointCloudItem(gl.GLGraphicsItem.GLGraphicsItem):
    """Round, opaque, depth-tested point sprites that can blend between two layouts.

    Call :meth:`set_data` with the positions before and after a change and
    animate :meth:`set_t` from 0 to 1; with ``t = 1`` the item shows ``pos_to``.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setGLOptions("opaque")
        self._n = 0
        self._t = 1.0
        self.size_scale = 1.0
        self._arrays: dict[str, np.ndarray] = {}
        self._dirty: set[str] = set()
        self._buffers: dict[str, QOpenGLBuffer] = {}
        self._programs: dict[bool, int] = {}
        self._program_ctx = None
        self.round = True

    def set_style(self, *, round_sprites: bool, depth_test: bool) -> None:
        """Round sprites with a rim, or plain squares (for tiny points); depth test on/off.

        Big clouds draw faster without the depth test, and at 2-3 pixels
        neither the shape nor the exact overlap order can be seen.
        """
        self.round = bool(round_sprites)
        self.setGLOptions({GL.GL_DEPTH_TEST: bool(depth_test), GL.GL_BLEND: False,
                           GL.GL_CULL_FACE: False})  # fmt: skip
        self.update()

    # -- data ----------------------------------------------------------------------
    def set_data(self, *, pos_from=None, pos_to=None, color=None, size=None) -> None:
        """Replace some of the arrays; the others are kept (their length must match).

        ``pos_from``/``pos_to`` are ``(n, 3)``, ``color`` ``(n, 4)`` in 0..1,
        ``size`` ``(n,)`` pixels.
        """
        for name, arr, width in (("from", pos_from, 3), ("to", pos_to, 3),
                                 ("color", color, 4), ("size", size, 1)):  # fmt: skip
            if arr is None:
                continue
            a = np.ascontiguousarray(arr, dtype=np.float32).reshape(-1, width)
            self._arrays[name] = a
            self._dirty.add(name)
        if "to" in self._arrays:
            self._n = len(self._arrays["to"])
        if pos_to is not None and pos_from is None:
            self._arrays["from"] = self._arrays["to"]
            self._dirty.add("from")
        self.update()

    def set_t(self, t: float) -> None:
        """Blend factor between the ``from`` (0) and ``to`` (1) positions."""
        self._t = float(t)
        self.update()

    @property
    def count(self) -> int:
        """The number of points."""
        return self._n

    # -- GL ------------------------------------------------------------------------
    def _ensure_program(self):
        ctx = QOpenGLContext.currentContext()
        if self._program_ctx is not ctx:
            self._programs, self._program_ctx = {}, ctx
            self._buffers = {}  # buffers belong to the old context
            self._dirty = set(self._arrays)
        if self.round in self._programs:
            return self._programs[self.round]
        vs, fs = _sources(ctx, _FRAGMENT if self.round else _FRAGMENT_SQUARE)
        prog = shaders.compileProgram(
            shaders.compileShader(vs, GL.GL_VERTEX_SHADER),
            shaders.compileShader(fs, GL.GL_FRAGMENT_SHADER),
            validate=False,  # a VAO may not be bound yet; validation would fail spuriously
        )
        for loc, name in enumerate(("a_from", "a_to", "a_color", "a_size")):
            GL.glBindAttribLocation(prog, loc, name)
        GL.glLinkProgram(prog)
        self._programs[self.round] = prog
        return prog

    def _upload(self) -> None:
        for name in list(self._dirty):
            arr = self._arrays[name]
            buf = self._buffers.get(name)
            if buf is None:
                buf = QOpenGLBuffer(QOpenGLBuffer.Type.VertexBuffer)
                buf.create()
                self._buffers[name] = buf
            buf.bind()
            if buf.size() != arr.nbytes:
                buf.allocate(arr, arr.nbytes)
            else:
                buf.write(0, arr, arr.nbytes)
            buf.release()
        self._dirty.clear()

    def paint(self) -> None:
        """Draw the points (called by the view with its context current)."""
        if self._n == 0 or not {"to", "color", "size"} <= set(self._arrays):
            return
        self.setupGLState()
        prog = self._ensure_program()
        self._upload()
        ctx = QOpenGLContext.currentContext()
        if not ctx.isOpenGLES():
            GL.glEnable(GL.GL_PROGRAM_POINT_SIZE)
            if ctx.format().profile() != ctx.format().OpenGLContextProfile.CoreProfile:
                GL.glEnable(GL.GL_POINT_SPRITE)
        mvp = np.array(self.mvpMatrix().data(), dtype=np.float32)
        widths = {"from": 3, "to": 3, "color": 4, "size": 1}
        for loc, name in enumerate(("from", "to", "color", "size")):
            self._buffers[name].bind()
            GL.glVertexAttribPointer(loc, widths[name], GL.GL_FLOAT, False, 0, None)
            self._buffers[name].release()
            GL.glEnableVertexAttribArray(loc)
        GL.glUseProgram(prog)
        try:
            GL.glUniformMatrix4fv(GL.glGetUniformLocation(prog, "u_mvp"), 1, False, mvp)
            GL.glUniform1f(GL.glGetUniformLocation(prog, "u_t"), self._t)
            GL.glUniform1f(GL.glGetUniformLocation(prog, "u_size_scale"), self.size_scale)
            GL.glDrawArrays(GL.GL_POINTS, 0, self._n)
        finally:
            GL.glUseProgram(0)
            for loc in range(4):
                GL.glDisableVertexAttribArray(loc)


class LineItem(gl.GLLinePlotItem):
    """``GLLinePlotItem`` with its shader compiled per OpenGL context.

    pyqtgraph caches the line shader on the class, so a second view in a
    process without shared contexts (tests, ``embviz render``) would use a
    program from a dead context and draw nothing.
    """

    _program_ctx = None
    _own_program = None

    def getShaderProgram(self):
        """The line program of the current context, compiled on first use."""
        ctx = QOpenGLContext.currentContext()
        if self._own_program is None or self._program_ctx is not ctx:
            klass = gl.GLLinePlotItem
            saved, klass._shaderProgram = klass._shaderProgram, None
            try:
                prog = klass.getShaderProgram()
            finally:
                klass._shaderProgram = saved if saved is not None else klass._shaderProgram
            self._own_program, self._program_ctx = prog, ctx
        return self._own_program
