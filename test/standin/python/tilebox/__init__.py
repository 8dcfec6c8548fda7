# TEST DOUBLE: the `tilebox` namespace of the Python stand-in (see workflows/__init__.py).
