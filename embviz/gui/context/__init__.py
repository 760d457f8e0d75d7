"""The Context panel: a Transformer's token vectors, layer by layer (see :mod:`.panel`)."""
