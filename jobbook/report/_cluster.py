"""A cohort's books read on a Dask distributed cluster (``--scheduler``, the ``jobbook[cluster]``
extra).

``tcp://HOST:PORT`` talks to the scheduler in the clear and without credentials: anyone who can
reach that port can make the workers run any code, so it is for a trusted network only.
``tls://HOST:PORT`` encrypts and authenticates with the certificates of the usual Dask
configuration: ``distributed.comm.tls.ca-file``, ``distributed.comm.tls.client.cert`` and
``distributed.comm.tls.client.key`` (in ``~/.config/dask/*.yaml``, or the environment variables
``DASK_DISTRIBUTED__COMM__TLS__CA_FILE``...), or a configured
``distributed.client.security-loader``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..errors import BadValue, UsageError, one_line

SCHEMES = ("tcp", "tls")
TLS_SETTINGS = (
    "distributed.comm.tls.ca-file",
    "distributed.comm.tls.client.cert",
    "distributed.comm.tls.client.key",
)


def scheme_of(scheduler: str) -> str:
    """``tcp`` or ``tls``; a UsageError for any other address."""
    scheme, sep, rest = scheduler.partition("://")
    if not sep or scheme.lower() not in SCHEMES or not rest:
        raise UsageError(
            f"--scheduler {scheduler}: give tls://HOST:PORT (certificates from the Dask "
            "configuration) or, on a trusted network only, tcp://HOST:PORT"
        )
    return scheme.lower()


def _client(scheduler: str):
    """A Dask client of the scheduler at `scheduler`, with the configuration's security."""
    scheme = scheme_of(scheduler)
    try:
        import dask
        from distributed import Client
        from distributed.security import Security
    except ImportError as exc:
        raise UsageError(
            "--scheduler needs Dask distributed: pip install 'jobbook[cluster]'"
        ) from exc
    if scheme == "tls" and not dask.config.get("distributed.client.security-loader", None):
        try:
            context = Security().get_connection_args("client").get("ssl_context")
        except (OSError, ValueError) as exc:  # a certificate file missing or unreadable
            raise BadValue(
                f"cannot use the TLS certificates of the Dask configuration ({one_line(exc)})"
            ) from exc
        if context is None:
            raise BadValue(
                f"{scheduler}: a tls:// scheduler needs certificates in the Dask configuration: "
                f"{', '.join(TLS_SETTINGS)}"
            )
    try:
        return Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError, RuntimeError) as exc:  # unreachable, refused,
        # or plain tcp:// where the configuration requires encryption
        raise BadValue(f"cannot reach the Dask scheduler at {scheduler} ({one_line(exc)})") from exc


def on_cluster(run: Callable[[str], Any], paths: list[str], scheduler: str) -> Iterator[Any]:
    """`run` over `paths` on the Dask distributed cluster at `scheduler`, in order. The workers
    must see the books at the same paths (a shared folder)."""
    with _client(scheduler) as client:
        futures = client.map(run, paths, pure=False)
        for future in futures:
            yield future.result()
            future.release()
