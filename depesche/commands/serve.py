"""`build.py serve`: build, serve the site on 127.0.0.1, rebuild on change, reload open pages.

The reload script is added to HTML responses by the server, so it never lands
in the site's files. Only files inside the site folder are ever served.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import unquote, urlsplit

from ..config import Config

EVENTS_PATH = "__depesche/events"
WATCH_DEBOUNCE_MS_DEFAULT = 150
KEEPALIVE_SECONDS_DEFAULT = 15.0
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".xml": "application/xml; charset=utf-8",
    ".json": "application/json; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml", ".js": "text/javascript; charset=utf-8", ".txt": "text/plain; charset=utf-8",
    ".opml": "text/x-opml; charset=utf-8", ".png": "image/png", ".ico": "image/x-icon",
    ".wasm": "application/wasm",
}
RELOAD_SCRIPT = """<script>/* Depesche preview only: reload on rebuild, show build errors */
(() => {{
  const events = new EventSource("{events}");
  let build = null;
  events.onmessage = (message) => {{
    const state = JSON.parse(message.data);
    if (build !== null && state.build !== build) location.reload();
    build = state.build;
    let box = document.getElementById("depesche-errors");
    if (!state.errors.length) {{ if (box) box.remove(); return; }}
    if (!box) {{
      box = document.createElement("div");
      box.id = "depesche-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:40vh;overflow:auto;z-index:9999;"
        + "background:#7f1d1d;color:#fff;font:14px/1.5 monospace;padding:1rem;white-space:pre-wrap";
      document.body.append(box);
    }}
    box.textContent = "Build errors:\\n" + state.errors.join("\\n");
  }};
}})();
</script>"""


@dataclass
class PreviewState:
    """The latest build's number and errors, and a condition to wait for the next one."""

    build: int = 0
    errors: list[str] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, errors: list[str]) -> None:
        with self.changed:
            self.build += 1
            self.errors = errors
            self.changed.notify_all()

    def snapshot(self) -> str:
        with self.changed:
            return json.dumps({"build": self.build, "errors": self.errors})


def resolve(site: Path, base_path: str, url_path: str) -> Path | None:
    """The file inside `site` that a URL path names, or None if it names nothing inside it."""
    path = unquote(urlsplit(url_path).path)
    if not path.startswith(base_path) or "\x00" in path or "\\" in path:
        return None
    parts = [p for p in path[len(base_path):].split("/") if p]
    if any(p in (".", "..") for p in parts):
        return None
    root = site.resolve()
    target = root.joinpath(*parts)
    if target.is_dir():
        target = target / "index.html"
    try:
        real = target.resolve(strict=True)
    except (FileNotFoundError, RuntimeError, OSError):
        return None
    return real if root in real.parents and real.is_file() else None


def with_reload_script(html: bytes, events_url: str) -> bytes:
    script = RELOAD_SCRIPT.format(events=events_url).encode("utf-8")
    head, marker, tail = html.rpartition(b"</body>")
    return head + script + marker + tail if marker else html + script


class PreviewServer(ThreadingHTTPServer):
    """An HTTP server that knows the site folder, its sub-path and the build state."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], site: Path, base_path: str, state: PreviewState) -> None:
        super().__init__(address, PreviewHandler)
        self.site, self.base_path, self.state = site, base_path, state


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer

    def log_message(self, format: str, *args: object) -> None:  # keep the terminal for build messages
        pass

    def do_GET(self) -> None:
        site, base_path = self.server.site, self.server.base_path
        path = urlsplit(self.path).path
        if path == base_path + EVENTS_PATH:
            return self.stream_events()
        if path == "/" and base_path != "/":
            return self.redirect(base_path)
        target = resolve(site, base_path, self.path)
        if target is None:
            return self.send_file(resolve(site, base_path, base_path + "404.html"), HTTPStatus.NOT_FOUND)
        self.send_file(target, HTTPStatus.OK)

    def redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.end_headers()

    def send_file(self, target: Path | None, status: HTTPStatus) -> None:
        body = target.read_bytes() if target else b"Not found"
        content_type = CONTENT_TYPES.get(target.suffix, "application/octet-stream") if target else "text/plain"
        if content_type.startswith("text/html"):
            body = with_reload_script(body, self.server.base_path + EVENTS_PATH)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def stream_events(self) -> None:
        """Server-sent events: the build number and errors, sent again after every build."""
        state = self.server.state
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = -1
        try:
            while True:
                with state.changed:
                    if state.build == seen:
                        state.changed.wait(KEEPALIVE_SECONDS_DEFAULT)
                snapshot = state.snapshot()
                seen = json.loads(snapshot)["build"]
                self.wfile.write(f"data: {snapshot}\n\n".encode("utf-8"))
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


def preview_config(config: Config, host: str, port: int) -> Config:
    """The site as served here: same sub-path, this host and port."""
    return replace(config, base_url=f"http://{host}:{port}{config.base_path}")


def watch(paths: list[Path], rebuild: Callable[[Iterable[str]], None], stop: threading.Event) -> None:
    """Call `rebuild` with the changed paths after every batch of changes below `paths`, until `stop` is set."""
    from watchfiles import watch as watch_changes

    existing = [str(p) for p in paths if p.exists()]
    for changes in watch_changes(*existing, debounce=WATCH_DEBOUNCE_MS_DEFAULT, step=50, stop_event=stop):
        rebuild([path for _, path in changes])


def serve(config: Config, host: str, port: int, say: Callable[[str], None] = print) -> None:
    """Build, serve and watch until interrupted."""
    from ..build.memory import KeptCache
    from ..build.pipeline import build

    state, kept = PreviewState(), KeptCache()
    server = PreviewServer((host, port), config.out, config.base_path, state)
    preview = preview_config(config, host, server.server_address[1])

    def rebuild(changed: Iterable[str] = ()) -> None:
        if changed:
            kept.seen(changed)  # the build patches its listing of the seeds with them
        try:
            report = build(preview, kept=kept)
            errors = report.errors
            say(f"Built {report.articles} articles ({report.rendered} files written) in {report.seconds:.2f} s.")
        except Exception as error:  # noqa: BLE001 - a broken build must not stop the preview
            errors = [f"build failed: {error}"]
        for line in errors:
            say(f"error: {line}")
        state.publish(errors)
        try:
            kept.save()  # the cache's file after the site, so that open pages reload first
        except OSError as error:
            say(f"error: cannot write the build cache: {error}")

    rebuild()
    stop = threading.Event()
    watched = [config.seeds, config.templates, config.topics_file]
    threading.Thread(target=watch, args=(watched, rebuild, stop), daemon=True).start()
    say(f"Serving {preview.base_url} (a preview: rebuilds and reloads on change; Ctrl-C stops).")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
