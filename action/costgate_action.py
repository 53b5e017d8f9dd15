#!/usr/bin/env python3
"""The costgate GitHub Action's main step: run `costgate diff` once, publish its reports, exit with its code.

Inputs come from the environment (INPUT_* as action.yml maps them, plus the runner's GITHUB_* variables), never
from `${{ }}` interpolated into a shell, so a branch name or a tag cannot inject commands. Python's standard library
only: GitHub's runners have python3, and JSON bodies are built by `json`, not by shell quoting.

The comment is best effort: a failing REST call is a `::warning::`, and the step's exit code is always costgate's
(0 within budget, 1 deny, 2 unusable input, 64 usage, 70 internal), decided after every report is written.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from decimal import Decimal

USAGE = 64  # costgate's (and sysexits') code for a usage error, so a bad input reads like a bad flag
INTERNAL = 70  # an unexpected failure of this script must not exit 1, which reads as "over budget"


class UsageError(Exception):
    """An input the action cannot work with; exits 64 like a bad costgate flag."""


def log(command, message):
    """A workflow command on stdout, where the runner reads them; newlines and % escaped as the runner expects."""
    text = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    print(f"::{command}::{text}", flush=True)


def env(name, default=""):
    value = os.environ.get(name, "").strip()
    return value if value else default


def choice(name, default, allowed):
    value = env(name, default).lower()
    if value not in allowed:
        raise UsageError(f"input {name[6:].lower().replace('_', '-')} is '{value}'; expected one of {', '.join(allowed)}")
    return value


def read_event():
    path = env("GITHUB_EVENT_PATH")
    if not path or not os.path.isfile(path):
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        log("warning", f"costgate: cannot read the event payload {path}: {error}")
        return {}


def git(*arguments):
    return subprocess.run(["git", *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def ensure_revision(revision):
    """Fetches a commit the checkout lacks: actions/checkout's default depth 1 has only the merge commit.

    Only full SHAs are fetched (a server will not resolve an abbreviated one); anything else is left to costgate,
    which names the revision it cannot resolve.
    """
    if git("cat-file", "-e", f"{revision}^{{commit}}").returncode == 0:
        return
    if not re.fullmatch(r"[0-9a-f]{40}", revision):
        return
    fetched = git("fetch", "--no-tags", "--depth=1", "origin", revision)
    if fetched.returncode != 0:
        log("warning", f"costgate: could not fetch {revision} from origin: {fetched.stderr.strip()}")


def something_to_say(report, exit_code):
    """Whether a `comment-when: changed` run has news: a workload's cost moved, or the gate did not pass.

    Warnings alone do not count: a standing warning on an unchanged workload would otherwise bring a comment
    to every pull request, even one that touches no manifest.
    """
    if report is None:
        return exit_code != 0
    summary = report.get("summary", {})
    counts = [summary.get(key, 0) or 0 for key in ("added", "removed", "changed", "denies")]
    return any(counts) or exit_code != 0


class GitHub:
    """The three issue-comment calls the action needs, against $GITHUB_API_URL (a local fake in the tests)."""

    def __init__(self, api, token, repository):
        self.api, self.token, self.repository = api.rstrip("/"), token, repository

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps({"body": body}).encode("utf-8")
        request = urllib.request.Request(self.api + path, data=data, method=method, headers={
            "Accept": "application/vnd.github+json",
            "Authorization": f"Bearer {self.token}",
            "Content-Type": "application/json",
            "User-Agent": "costgate-action",
            "X-GitHub-Api-Version": "2022-11-28",
        })
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response), response.headers.get("Link", "")

    def comments(self, number):
        """Every comment on the pull request, following pages while GitHub's Link header names a next one."""
        found = []
        for page in range(1, 101):  # 10,000 comments: a bound, so a misbehaving server cannot loop us forever
            items, link = self.call("GET", f"/repos/{self.repository}/issues/{number}/comments?per_page=100&page={page}")
            found.extend(items)
            if not items or 'rel="next"' not in link:
                break
        return found

    def create(self, number, body):
        return self.call("POST", f"/repos/{self.repository}/issues/{number}/comments", body)[0]

    def update(self, comment_id, body):
        return self.call("PATCH", f"/repos/{self.repository}/issues/comments/{comment_id}", body)[0]


def first_line(text):
    return (text or "").split("\n", 1)[0].rstrip("\r")


def publish_comment(github, number, markdown, mode, when, news):
    """Creates or updates the pull request's costgate comment; returns its URL or ''.

    Ours is the comment whose first line is exactly the marker costgate wrote: a substring match would let
    `tag=prod` claim `tag=non-prod`'s comment, or a person's comment that quotes the marker (infracost/actions#60).
    """
    marker = first_line(markdown)
    if mode == "update":
        ours = [c for c in github.comments(number) if first_line(c.get("body")) == marker]
        if ours:
            # The newest one: an earlier `comment: new` run may have left several, and the latest is the one read.
            url = github.update(ours[-1]["id"], markdown).get("html_url", "")
            print(f"costgate: updated {url or 'the comment'}", flush=True)
            return url
    if news or when == "always":
        url = github.create(number, markdown).get("html_url", "")
        print(f"costgate: commented {url}", flush=True)
        return url
    print("costgate: no cost changes and no findings; no comment posted (comment-when: changed)", flush=True)
    return ""


def read_text(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return None


def append(path, text):
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)


def main(outputs):
    """Runs the gate and fills `outputs`; returns the step's exit code."""
    event = read_event()
    pull = event.get("pull_request") or {}
    mode = choice("INPUT_COMMENT", "update", ("update", "new", "off"))
    when = choice("INPUT_COMMENT_WHEN", "changed", ("changed", "always"))
    policy_from = choice("INPUT_POLICY_FROM", "base", ("base", "head"))
    fail_on_warn = choice("INPUT_FAIL_ON_WARN", "false", ("true", "false")) == "true"
    costgate = env("COSTGATE_PATH", "costgate")

    # Outside pull requests (push, merge_group) a base must be named; `before` covers a plain push.
    base = env("INPUT_BASE_REF", (pull.get("base") or {}).get("sha") or event.get("before", ""))
    if not base or re.fullmatch(r"0{40}", base):
        raise UsageError("no base revision: set the base-ref input (the event carries no pull_request.base.sha)")
    # HEAD, not pull_request.head.sha: actions/checkout checks out GitHub's merge of the head into the base, so HEAD is
    # what the base becomes; diffing base.sha against head.sha would count commits merged into the base since the
    # branch was cut as removals by this pull request.
    head = env("INPUT_HEAD_REF", "HEAD")
    for revision in (base, head):
        ensure_revision(revision)

    expected = env("INPUT_COSTGATE_VERSION")
    if expected:
        found = subprocess.run([costgate, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
        if found != expected.lstrip("v"):
            log("error", f"costgate: {costgate} is version '{found}', not the costgate-version '{expected}' this workflow pins")
            return 2

    scratch = tempfile.mkdtemp(prefix="costgate-", dir=env("RUNNER_TEMP") or None)
    markdown_path, json_path = os.path.join(scratch, "comment.md"), os.path.join(scratch, "report.json")
    # In RUNNER_TEMP, not the checkout, so a later step that commits or archives the tree does not pick it up.
    sarif_path = os.path.join(env("RUNNER_TEMP") or os.getcwd(), "costgate.sarif")
    # `--name=value`, so an input that starts with a dash is a value, never another option.
    command = [costgate, "diff", f"--base={base}", f"--head={head}", f"--policy-from={policy_from}", "--format=github",
               "--output", f"markdown={markdown_path}", "--output", f"json={json_path}", "--output", f"sarif={sarif_path}"]
    if env("INPUT_POLICY"):
        command.append(f"--policy={env('INPUT_POLICY')}")
    if env("INPUT_COMMENT_TAG"):
        command.append(f"--comment-tag={env('INPUT_COMMENT_TAG')}")
    if fail_on_warn:
        command.append("--fail-on-warn")
    # After `--`, so a path that starts with a dash is still a path.
    command += ["--", *env("INPUT_PATHS").split()]
    sys.stdout.flush()
    try:
        # Annotations go straight to the step's stdout, where the runner turns them into file annotations.
        exit_code = subprocess.run(command).returncode
    except OSError as error:
        log("error", f"costgate: cannot run {costgate}: {error}")
        return INTERNAL

    markdown = read_text(markdown_path)
    report = None
    try:
        report = json.loads(read_text(json_path) or "null", parse_float=Decimal)
    except ValueError as error:
        log("warning", f"costgate: unreadable JSON report: {error}")
    shutil.rmtree(scratch, ignore_errors=True)
    if markdown:
        append(env("GITHUB_STEP_SUMMARY"), markdown if markdown.endswith("\n") else markdown + "\n")

    comment_url = ""
    number = pull.get("number")
    repository = (event.get("repository") or {}).get("full_name") or env("GITHUB_REPOSITORY")
    if mode != "off" and number and markdown:
        token = env("INPUT_GITHUB_TOKEN")
        if not token:
            log("warning", "costgate: no github-token; the pull request comment is skipped")
        else:
            github = GitHub(env("GITHUB_API_URL", "https://api.github.com"), token, repository)
            try:
                comment_url = publish_comment(github, number, markdown, mode, when, something_to_say(report, exit_code))
            except urllib.error.HTTPError as error:
                hint = " (a pull request from a fork gets a read-only token)" if error.code in (403, 404) else ""
                log("warning", f"costgate: could not comment on #{number}: HTTP {error.code} {error.reason}{hint}; "
                               "the gate's result is unaffected")
            except (urllib.error.URLError, OSError, ValueError) as error:
                log("warning", f"costgate: could not comment on #{number}: {error}; the gate's result is unaffected")

    summary = (report or {}).get("summary", {})
    outputs.update({
        "delta": ((report or {}).get("totals") or {}).get("delta", ""),
        "denies": summary.get("denies", ""),
        "warnings": summary.get("warnings", ""),
        "comment-url": comment_url,
        "sarif-file": sarif_path if os.path.isfile(sarif_path) else "",
    })
    return exit_code


if __name__ == "__main__":
    # Every output is written, empty when unknown, and exit-code even when the gate never ran, so a later step's
    # `steps.costgate.outputs.exit-code` always says what happened.
    values = dict.fromkeys(("exit-code", "delta", "denies", "warnings", "comment-url", "sarif-file"), "")
    try:
        status = main(values)
    except UsageError as error:
        log("error", f"costgate: {error}")
        status = USAGE
    except Exception as error:  # noqa: BLE001 - any crash here is an internal error, never a verdict
        log("error", f"costgate action: internal error: {type(error).__name__}: {error}")
        status = INTERNAL
    values["exit-code"] = status
    append(env("GITHUB_OUTPUT"), "".join(f"{name}={value}\n" for name, value in values.items()))
    sys.exit(status)
