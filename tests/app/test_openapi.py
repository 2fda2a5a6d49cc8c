"""The API says what it answers: /openapi.json documents every status with its body."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

ERROR_REF = "#/components/schemas/Error"


def responses(schema: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    found: dict[str, Any] = schema["paths"][path][method]["responses"]
    return found


def test_admin_writes_document_every_error_with_the_error_body(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    put = responses(schema, "/api/v1/admin/providers/{provider_id}", "put")
    for status in ("401", "403", "404", "409", "412", "422", "428", "429", "503"):
        assert status in put, status
    assert put["412"]["content"]["application/json"]["schema"]["$ref"] == ERROR_REF
    create = responses(schema, "/api/v1/admin/flows", "post")
    assert {"401", "403", "409", "422", "429", "503"} <= set(create)
    assert "412" not in create and "428" not in create  # no If-Match on a create
    read = responses(schema, "/api/v1/admin/history", "get")
    assert {"401", "403"} <= set(read) and "503" not in read
    assert schema["components"]["schemas"]["Error"]["required"] == ["detail"]


def test_notify_documents_its_own_errors(client: TestClient) -> None:
    notify = responses(client.get("/openapi.json").json(), "/api/v1/admin/notify", "post")
    assert {"202", "401", "403", "404"} <= set(notify)
    assert not {"409", "412", "413", "428", "429", "503"} & set(notify)  # no record, no body
    assert notify["404"]["content"]["application/json"]["schema"]["$ref"] == ERROR_REF
    assert "replica" in notify["404"]["description"]
    # Not a replica: refused by the one error path, with the error body.
    answer = client.post("/api/v1/admin/notify")
    assert answer.status_code == 404 and "detail" in answer.json()


def test_public_reads_document_not_found_and_refused(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/v1/find-help", "/api/v1/providers/{provider_id}", "/api/v1/routes"):
        assert {"404", "422"} <= set(responses(schema, path, "get")), path
    assert "401" not in responses(schema, "/api/v1/find-help", "get")


def test_a_wrong_method_names_every_method_the_path_has(client: TestClient) -> None:
    answer = client.request("PATCH", "/api/v1/admin/providers/vc-norra")
    assert answer.status_code == 405
    assert answer.headers["allow"] == "DELETE, GET, PUT"
