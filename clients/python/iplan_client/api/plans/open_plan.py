from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.open_plan_body import OpenPlanBody
from ...models.problem import Problem
from ...models.recorded import Recorded
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: OpenPlanBody,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/plans",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Recorded | None:
    if response.status_code == 201:
        response_201 = Recorded.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Recorded]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OpenPlanBody,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Recorded]:
    """Open a plan

     Opens a plan in a municipality the caller's token covers (others: 403).

    Args:
        if_match (str | Unset): The plan version the write expects, as its ETag: "4" (or `*`:
            any). Mismatch: 412 version_mismatch; anything else: 400 invalid_if_match.
        idempotency_key (str | Unset): Repeating a request with the same key returns the first
            answer.
        body (OpenPlanBody): The person's birth date and year lie between 1900 and the opening;
            the opening itself
            neither in the future nor before the county's earliest date (422 `implausible_date`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recorded]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: OpenPlanBody,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Recorded | None:
    """Open a plan

     Opens a plan in a municipality the caller's token covers (others: 403).

    Args:
        if_match (str | Unset): The plan version the write expects, as its ETag: "4" (or `*`:
            any). Mismatch: 412 version_mismatch; anything else: 400 invalid_if_match.
        idempotency_key (str | Unset): Repeating a request with the same key returns the first
            answer.
        body (OpenPlanBody): The person's birth date and year lie between 1900 and the opening;
            the opening itself
            neither in the future nor before the county's earliest date (422 `implausible_date`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recorded
    """

    return sync_detailed(
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OpenPlanBody,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | Recorded]:
    """Open a plan

     Opens a plan in a municipality the caller's token covers (others: 403).

    Args:
        if_match (str | Unset): The plan version the write expects, as its ETag: "4" (or `*`:
            any). Mismatch: 412 version_mismatch; anything else: 400 invalid_if_match.
        idempotency_key (str | Unset): Repeating a request with the same key returns the first
            answer.
        body (OpenPlanBody): The person's birth date and year lie between 1900 and the opening;
            the opening itself
            neither in the future nor before the county's earliest date (422 `implausible_date`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recorded]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OpenPlanBody,
    if_match: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | Recorded | None:
    """Open a plan

     Opens a plan in a municipality the caller's token covers (others: 403).

    Args:
        if_match (str | Unset): The plan version the write expects, as its ETag: "4" (or `*`:
            any). Mismatch: 412 version_mismatch; anything else: 400 invalid_if_match.
        idempotency_key (str | Unset): Repeating a request with the same key returns the first
            answer.
        body (OpenPlanBody): The person's birth date and year lie between 1900 and the opening;
            the opening itself
            neither in the future nor before the county's earliest date (422 `implausible_date`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recorded
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
