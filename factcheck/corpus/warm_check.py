"""Preloaded by the fork server of a run that checks rules (after `factcheck.corpus.warm`).

Workers fork from the server, so what every worker needs to check rules is paid once per run:
the rule engine and its kinds, the loader whose classes the run's compiled rules unpickle into,
pint's registry (built on first use, and the rules' amounts unpickle into it) and the reference
facts; and the run's rules, compiled once for every worker (`factcheck.corpus.rulesets.serve`).
"""

import gc

gc.disable()  # while preloading, as in `factcheck.corpus.warm`
try:
    import factcheck.pipeline
    import factcheck.rules.loader  # noqa: F401
    from factcheck.corpus.rulesets import serve
    from factcheck.extract.unit_registry import registry
    from factcheck.facts import reference_facts

    registry()
    reference_facts()
    serve()
finally:
    gc.freeze()  # shared with the workers, as in `factcheck.corpus.warm`
    gc.enable()
