"""One hypothesis profile for CI: a bounded number of examples, no deadline (the machine is
shared), derandomized so every run tries the same examples. FRAMING_HYPOTHESIS=dev explores
more (random, 500 examples) when hunting bugs locally."""
import os

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("dev", max_examples=500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("FRAMING_HYPOTHESIS", "ci"))
