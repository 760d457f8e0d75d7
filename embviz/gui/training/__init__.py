"""The Train panel and what draws and exports a training run.

- :mod:`.panel`: the panel (``TITLE``, ``make_panel``); widgets only, bound to a
  :class:`~embviz.core.training_session.TrainingSession` and a
  :class:`~embviz.core.playback.Playback`.
- :mod:`.form`: the parameter form, built from :class:`~embviz.core.training.TrainParams`.
- :mod:`.parts`: run header, timeline, curves, the form/picture splitter.
- :mod:`.view`: the 3D view of the watched words.
- :mod:`.plots`: the loss and similarity curves.
- :mod:`.export`: GIF/MP4 export of a recording (also ``embviz train --animation``).
- :mod:`.worker`: runs training in a child process.

Nothing is imported here: ``embviz train --animation`` imports only :mod:`.export`.
"""
