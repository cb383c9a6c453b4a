"""Test helper (not a test module): numeric arrays of a plotly figure read back."""
import base64

import numpy as np


def decoded(value):
    """Plotly 6+ stores numeric arrays as {"dtype", "bdata"[, "shape"]} (in ``fig.to_dict()`` and
    in the spec Streamlit sends); give them back as numpy arrays."""
    if isinstance(value, dict) and "bdata" in value:
        arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        if "shape" in value:
            arr = arr.reshape([int(n) for n in str(value["shape"]).split(",")])
        return arr
    return np.asarray(value)
