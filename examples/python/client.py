#!/usr/bin/env python3
"""A client of the protective-orders HTTP service, in Python with the standard library only.

Start the service (`npx protective-orders serve`), then:

    python3 examples/python/client.py http://127.0.0.1:8080 examples/caseload.json 2025-06-01

It assesses the first case, explains it in Markdown, and batch-processes the whole caseload
through the streaming endpoint, printing one JSON object with the three results. Set
PROTECTIVE_ORDERS_TOKEN if the service was started with tokens.
"""

import http.client
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request


class ServiceError(Exception):
    """An RFC 9457 problem document from the service: its status, title and every problem by path."""

    def __init__(self, status, problem):
        self.status = status
        self.problem = problem
        detail = "; ".join(f"{p['path'] or '(case)'}: {p['message']}" for p in problem.get("problems", []))
        super().__init__(f"{status} {problem.get('title', '')}{': ' + detail if detail else ''}")


class Client:
    def __init__(self, base_url, token=None):
        self.base = urllib.parse.urlsplit(base_url)
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def _url(self, path, **query):
        query = {k: v for k, v in query.items() if v is not None}
        return urllib.parse.urlunsplit(
            (self.base.scheme, self.base.netloc, path, urllib.parse.urlencode(query), "")
        )

    def _post(self, path, body, accept="application/json", **query):
        request = urllib.request.Request(
            self._url(path, **query),
            data=json.dumps(body).encode("utf-8"),
            headers={**self.headers, "Content-Type": "application/json", "Accept": accept},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.headers.get("As-Of"), response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            raise ServiceError(error.code, json.loads(error.read().decode("utf-8"))) from None

    def assess(self, case, as_of=None):
        """The assessment of one case: every order's outcome, its limbs and their citations."""
        _, text = self._post("/v1/assess", case, asOf=as_of)
        return json.loads(text)

    def explain(self, case, as_of=None, markdown=False):
        """The case explained as plain text or Markdown."""
        accept = "text/markdown" if markdown else "text/plain"
        return self._post("/v1/explain", case, accept=accept, asOf=as_of)[1]

    def batch(self, cases, command="assess", as_of=None, rows_per_request=1000):
        """Yields one record per case, in order, through the streaming JSON Lines endpoint.

        http.client sends the whole body before it reads the answer, so the cases go in requests of
        a modest size; a client that reads while it sends can stream any number in one request.
        """
        cases = list(cases)
        for start in range(0, len(cases), rows_per_request):
            body = "".join(json.dumps(c) + "\n" for c in cases[start : start + rows_per_request])
            connection_class = (
                http.client.HTTPSConnection if self.base.scheme == "https" else http.client.HTTPConnection
            )
            connection = connection_class(self.base.hostname, self.base.port, timeout=300)
            try:
                path = self._url(f"/v1/batch/{command}", asOf=as_of)
                connection.request(
                    "POST",
                    path[path.index(self.base.netloc) + len(self.base.netloc) :],
                    body=body.encode("utf-8"),
                    headers={**self.headers, "Content-Type": "application/x-ndjson"},
                )
                response = connection.getresponse()
                if response.status != 200:
                    raise ServiceError(response.status, json.loads(response.read().decode("utf-8")))
                for line in response:
                    record = json.loads(line)
                    # Row numbers restart with each request: make them the caseload's.
                    record["row"] += start
                    yield record
            finally:
                connection.close()


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
    caseload_file = sys.argv[2] if len(sys.argv) > 2 else "examples/caseload.json"
    as_of = sys.argv[3] if len(sys.argv) > 3 else None
    with open(caseload_file, encoding="utf-8") as f:
        cases = json.load(f)
    client = Client(base, os.environ.get("PROTECTIVE_ORDERS_TOKEN"))

    assessment = client.assess(cases[0], as_of)
    first = assessment["recommendation"]["first"]
    spo = next(o for o in assessment["orders"] if o["rule"] == "spo")
    print(f"{assessment['caseId']}: consider first {first}; SPO {spo['outcome']} ({spo['citation']['title']}, {spo['citation']['url']})", file=sys.stderr)

    try:
        client.assess({"id": "x", "incidents": "many"}, as_of)
    except ServiceError as error:
        problem = {"status": error.status, "problems": error.problem["problems"]}

    json.dump(
        {
            "assess": assessment,
            "explain": client.explain(cases[0], as_of, markdown=True),
            "batch": list(client.batch(cases, as_of=as_of, rows_per_request=7)),
            "problem": problem,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
