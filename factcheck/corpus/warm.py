"""Preloaded by the worker pool's fork server: importing this module warms up extraction.

Workers fork from the server after this ran, so quantulum3's multi-second first parse and pint's
registry are paid once per run, not once per worker (nor again for a worker restarted after a
crash or a time limit).

In the fork server itself (started by `prestart`, which marks its environment), the interpreter's
teardown is skipped: the server holds nothing to flush or release, yet tearing down pandas and the
unit tables takes its time after the run has ended, during which the server still holds the
caller's stdout and stderr open, so a CI step reading them waits.

It then moves every object loaded so far out of the garbage collector's reach (`gc.freeze`, again
after `factcheck.corpus.warm_check` where that is preloaded too): a worker's collections would
otherwise write to the headers of those objects and so copy, page by page, the memory it shares
with the server and with the other workers (Dask's workers, which allocate much, most of it).
The collector is off while it loads (and `warm_check` loads): the preload builds objects that stay
for good and leaves next to no garbage, so the collections its allocations would set off would
find nothing to free, yet delay the first worker.
"""

import atexit
import gc
import os

gc.disable()
try:
    from factcheck.corpus.pool import FORKSERVER_ENV
    from factcheck.corpus.runner import warm_up

    warm_up()
finally:
    gc.freeze()
    gc.enable()

if os.environ.pop(FORKSERVER_ENV, None):
    atexit.register(os._exit, 0)
