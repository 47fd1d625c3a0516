"""The /stats chart: questions per day over the last 30 days (answered, "did you mean",
not answered) and the share of helpful / not helpful votes, as a PNG.

matplotlib costs about 50 MB of resident memory once imported, so the running bot never
imports it: :func:`render_chart_apart` draws in a short-lived child process
(``python -m bot.charts``, the data as JSON on stdin, the PNG on stdout), and the bot
stays as small after /stats as before. The command line draws in its own process with
:func:`render_chart`. Drawing uses a Figure of its own (no pyplot state).
"""

from __future__ import annotations

import asyncio
import io
import json
import sys
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from bot.content import Messages
from bot.content.schema import LOCAL_TZ
from bot.storage import Storage
from bot.tghtml import to_plain

__all__ = ["DAYS", "ChartData", "ChartError", "chart_data", "render_chart", "render_chart_apart"]

DAYS = 30
_COLOURS = {"answered": "#2e7d32", "suggested": "#f9a825", "unanswered": "#c62828", "up": "#2e7d32", "down": "#c62828"}


_LABELS = ("chart_answered", "chart_suggested", "chart_unanswered", "chart_up", "chart_down", "chart_no_votes")


class ChartError(RuntimeError):
    """The chart could not be drawn (matplotlib missing, or the drawing process failed)."""


@dataclass(frozen=True, slots=True)
class ChartData:
    days: tuple[date, ...]
    answered: tuple[int, ...]
    suggested: tuple[int, ...]
    unanswered: tuple[int, ...]
    up: int
    down: int

    @property
    def questions(self) -> int:
        return sum(self.answered) + sum(self.suggested) + sum(self.unanswered)


async def chart_data(storage: Storage, now: datetime | None = None, days: int = DAYS) -> ChartData:
    """The last ``days`` days (Istanbul time, today included) from the database."""
    today = (now or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ).date()
    first = today - timedelta(days=days - 1)
    since = datetime.combine(first, time(0), LOCAL_TZ).timestamp()
    counts = await storage.daily_questions(since, days)
    up, down = await storage.votes_since(since)
    return ChartData(
        tuple(first + timedelta(days=i) for i in range(days)),
        tuple(c[0] for c in counts),
        tuple(c[1] for c in counts),
        tuple(c[2] for c in counts),
        up,
        down,
    )


def _labels(data: ChartData, messages: Messages, lang: str) -> dict[str, str]:
    """Every text of the chart, from the content, as plain text."""
    labels = {key: to_plain(messages.render(key, lang)) for key in _LABELS}
    labels["chart_questions"] = to_plain(
        messages.render("chart_questions", lang, days=len(data.days), count=data.questions)
    )
    labels["chart_feedback"] = to_plain(messages.render("chart_feedback", lang, count=data.up + data.down))
    return labels


def render_chart(data: ChartData, messages: Messages, lang: str) -> bytes:
    """The chart as PNG bytes, drawn in this process (imports matplotlib)."""
    return _draw(data, _labels(data, messages, lang))


async def render_chart_apart(data: ChartData, messages: Messages, lang: str, timeout: float = 120.0) -> bytes:
    """The chart as PNG bytes, drawn in a child process so that this one never loads
    matplotlib. Raises :class:`ChartError`."""
    request = json.dumps({"data": asdict(data), "labels": _labels(data, messages, lang)}, default=str).encode()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.charts",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        png, errors = await asyncio.wait_for(process.communicate(request), timeout)
    except TimeoutError as exc:
        process.kill()
        await process.wait()
        raise ChartError(f"drawing the chart took more than {timeout:g} s") from exc
    if process.returncode != 0 or not png.startswith(b"\x89PNG"):
        raise ChartError(errors.decode("utf-8", "replace").strip().splitlines()[-1:] or "no PNG")
    return png


def _draw(data: ChartData, labels: dict[str, str]) -> bytes:
    try:
        import matplotlib
    except ImportError as exc:
        raise ChartError(f"matplotlib is not installed: {exc}") from exc

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 4.8), dpi=100, layout="constrained")
    bars, share = figure.subplots(1, 2, width_ratios=(3.2, 1))
    x = range(len(data.days))
    bottom = [0] * len(data.days)
    for key, values in (("answered", data.answered), ("suggested", data.suggested), ("unanswered", data.unanswered)):
        bars.bar(x, values, bottom=bottom, color=_COLOURS[key], label=labels[f"chart_{key}"], width=0.8)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ticks = list(range(0, len(data.days), 5))
    bars.set_xticks(ticks, [data.days[i].strftime("%d.%m") for i in ticks])
    bars.set_title(labels["chart_questions"])
    bars.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=3, frameon=False)
    bars.spines[["top", "right"]].set_visible(False)
    bars.yaxis.get_major_locator().set_params(integer=True)
    share.set_title(labels["chart_feedback"])
    if data.up + data.down:
        share.pie(
            [data.up, data.down],
            labels=[labels["chart_up"], labels["chart_down"]],
            colors=[_COLOURS["up"], _COLOURS["down"]],
            autopct="%1.0f%%",
            startangle=90,
            counterclock=False,
            textprops={"color": "black"},
        )
    else:
        share.text(0.5, 0.5, labels["chart_no_votes"], ha="center", va="center")
        share.set_axis_off()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _main() -> int:
    """``python -m bot.charts``: a JSON request on stdin, the PNG on stdout."""
    request = json.loads(sys.stdin.buffer.read())
    raw = request["data"]
    data = ChartData(
        tuple(date.fromisoformat(d) for d in raw["days"]),
        tuple(int(v) for v in raw["answered"]),
        tuple(int(v) for v in raw["suggested"]),
        tuple(int(v) for v in raw["unanswered"]),
        int(raw["up"]),
        int(raw["down"]),
    )
    sys.stdout.buffer.write(_draw(data, {str(k): str(v) for k, v in request["labels"].items()}))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
