"""The Compare panel: two embedding spaces aligned, what moved, in 3D.

``panel`` binds the widgets to a :class:`~embviz.core.compare_model.CompareModel`;
``view`` draws its :class:`~embviz.core.compare_model.AlignedSlice`.
"""
