"""Requests to Telegram with their parameters in one JSON body."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import httpx
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

if TYPE_CHECKING:
    from telegram._utils.types import ODVInput

__all__ = ["JsonRequest", "json_body"]


_JSON = {"Content-Type": "application/json", "User-Agent": BaseRequest.USER_AGENT}


def json_body(request_data: RequestData) -> bytes:
    """The parameters of a request as one JSON object, in UTF-8."""
    return json.dumps(request_data.parameters, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


class JsonRequest(HTTPXRequest):
    """python-telegram-bot's HTTPX request, except that a request without files sends its
    parameters as one JSON body (``application/json``, which the Bot API takes for every
    method) instead of a form. A form JSON-encodes every nested parameter on its own and then
    percent-encodes, in Python, every byte outside ASCII: about 0.2 ms of CPU for a typical
    answer (700 characters of Turkish HTML and its keyboard) against 0.03 ms for the JSON body
    (docs/benchmarks.md, "the fifth speed work"). Requests with files go as before
    (multipart), and timeouts and errors are those of :class:`HTTPXRequest`."""

    __slots__ = ()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        client = getattr(self, "_client", None)  # HTTPXRequest's own client (not public)
        if request_data is None or request_data.contains_files or not isinstance(client, httpx.AsyncClient):
            return await super().do_request(
                url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
            )
        if client.is_closed:
            raise RuntimeError("This HTTPXRequest is not initialized!")
        default = client.timeout  # a timeout not given is the client's (as HTTPXRequest does)
        timeout = httpx.Timeout(
            connect=default.connect if isinstance(connect_timeout, DefaultValue) else connect_timeout,
            read=default.read if isinstance(read_timeout, DefaultValue) else read_timeout,
            write=default.write if isinstance(write_timeout, DefaultValue) else write_timeout,
            pool=default.pool if isinstance(pool_timeout, DefaultValue) else pool_timeout,
        )
        try:
            response = await client.request(
                method=method, url=url, headers=_JSON, timeout=timeout, content=json_body(request_data)
            )
        except httpx.TimeoutException as err:  # as HTTPXRequest maps them
            if isinstance(err, httpx.PoolTimeout):
                raise TimedOut(
                    message=(
                        "Pool timeout: All connections in the connection pool are occupied. "
                        "Request was *not* sent to Telegram. Consider adjusting the connection "
                        "pool size or the pool timeout."
                    )
                ) from err
            raise TimedOut from err
        except httpx.HTTPError as err:
            raise NetworkError(f"httpx.{err.__class__.__name__}: {err}") from err
        return response.status_code, response.content
