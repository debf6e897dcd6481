from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.readiness_view import ReadinessView
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/readyz",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReadinessView | None:
    if response.status_code == 200:
        response_200 = ReadinessView.from_dict(response.json())

        return response_200

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ReadinessView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | ReadinessView]:
    """Readiness: the store answers and every read model runs and keeps up

     503 `store_unavailable`, or 503 `read_models_not_ready` naming each read model that
    has no live worker, whose workers failed, or that lags more than
    `IPLAN_READY_MAX_LAG_SECONDS` (its workers may run in this process or in `iplan project`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadinessView]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | ReadinessView | None:
    """Readiness: the store answers and every read model runs and keeps up

     503 `store_unavailable`, or 503 `read_models_not_ready` naming each read model that
    has no live worker, whose workers failed, or that lags more than
    `IPLAN_READY_MAX_LAG_SECONDS` (its workers may run in this process or in `iplan project`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadinessView
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | ReadinessView]:
    """Readiness: the store answers and every read model runs and keeps up

     503 `store_unavailable`, or 503 `read_models_not_ready` naming each read model that
    has no live worker, whose workers failed, or that lags more than
    `IPLAN_READY_MAX_LAG_SECONDS` (its workers may run in this process or in `iplan project`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadinessView]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | ReadinessView | None:
    """Readiness: the store answers and every read model runs and keeps up

     503 `store_unavailable`, or 503 `read_models_not_ready` naming each read model that
    has no live worker, whose workers failed, or that lags more than
    `IPLAN_READY_MAX_LAG_SECONDS` (its workers may run in this process or in `iplan project`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadinessView
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
