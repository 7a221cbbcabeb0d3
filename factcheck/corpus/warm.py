"""Preloaded by the worker pool's fork server: importing this module warms up extraction.

Workers fork from the server after this ran, so quantulum3's multi-second first parse and pint's
registry are paid once per run, not once per worker (nor again for a worker restarted after a
crash or a time limit).
"""

from factcheck.corpus.runner import warm_up

warm_up()
