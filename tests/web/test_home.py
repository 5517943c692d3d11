from django.test import Client


def test_home_is_japanese_at_root(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="ja">' in response.content.decode()


def test_home_sends_a_same_origin_content_security_policy(client: Client) -> None:
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
