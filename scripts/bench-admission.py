#!/usr/bin/env python3
"""Load client for `costgate serve --admission`: N AdmissionReview requests over HTTPS, C at a time
(one keep-alive connection per worker, as kube-apiserver reuses its connections), bounded by a deadline.

Prints requests, errors, throughput and p50/p90/p99/max latency in milliseconds; exits 1 on any error
(a transport failure, a status other than 200, an answer that is not an AdmissionReview for the
request's uid, or the deadline).

  bench-admission.py --url https://localhost:8443/validate --cacert ca.crt -n 10000 -c 32 FIXTURE.json...
"""
import argparse, http.client, json, ssl, sys, threading, time, urllib.parse

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--cacert", required=True)
    parser.add_argument("-n", "--requests", type=int, default=10000)
    parser.add_argument("-c", "--concurrency", type=int, default=32)
    parser.add_argument("--deadline", type=float, default=600, help="seconds for the whole run")
    parser.add_argument("bodies", nargs="+", help="AdmissionReview files, sent in turn")
    args = parser.parse_args()
    bodies = []
    for path in args.bodies:
        with open(path, "rb") as handle:
            data = handle.read()
        bodies.append((data, json.loads(data)["request"]["uid"]))
    url = urllib.parse.urlsplit(args.url)
    context = ssl.create_default_context(cafile=args.cacert)
    latencies, errors, lock = [], [], threading.Lock()
    counter = iter(range(args.requests))
    deadline = time.monotonic() + args.deadline

    def worker():
        connection = None
        while True:
            with lock:
                index = next(counter, None)
            if index is None or time.monotonic() > deadline:
                return
            body, uid = bodies[index % len(bodies)]
            started = time.perf_counter()
            try:
                if connection is None:
                    connection = http.client.HTTPSConnection(url.hostname, url.port or 443, context=context, timeout=30)
                connection.request("POST", url.path + "?timeout=10s", body, {"Content-Type": "application/json"})
                response = connection.getresponse()
                payload = response.read()
                elapsed = time.perf_counter() - started
                answer = json.loads(payload) if response.status == 200 else None
                if answer is None or answer.get("response", {}).get("uid") != uid:
                    raise RuntimeError(f"status {response.status}: {payload[:200]!r}")
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
                with lock:
                    latencies.append(elapsed)
            except Exception as error:  # every failure is counted, none stops the run
                with lock:
                    errors.append(str(error))
                if connection is not None:
                    connection.close()
                connection = None

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    missing = args.requests - len(latencies) - len(errors)
    if missing:
        errors.extend(["deadline"] * missing)
    latencies.sort()

    def quantile(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")

    print(f"requests {args.requests}, concurrency {args.concurrency}, ok {len(latencies)}, errors {len(errors)}, "
          f"{len(latencies) / wall:.0f} req/s over {wall:.1f} s")
    print(f"latency ms: p50 {quantile(0.50):.2f}, p90 {quantile(0.90):.2f}, p99 {quantile(0.99):.2f}, max {quantile(1.0):.2f}")
    for error in sorted(set(errors))[:5]:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
