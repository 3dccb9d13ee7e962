"""Qt widgets. Only this package (and image export) imports Qt."""
