"""Benchmark this assistant against a bare `rasa init` bot on the same Rasa (the floor).

    python scripts/benchmark.py            # the whole benchmark (make benchmark): about 10 minutes
    python scripts/benchmark.py --smoke    # one session each side, no crowd (make test runs it)

Both bots run side by side on free ports: the floor in a temporary folder
(trained there, in-memory tracker, no action server), this assistant with
scripts/serve.py's Servers and its own temporary database and records. Both
are driven over REST with the same number of turns:

1. whole supervision sessions one after another (the first one, driven by
   reading the current question from the database, also records the script of
   answers that every later practitioner replays), and the floor as many turns;
2. fifty practitioners at once, each a whole session (the floor: as many turns);
3. one message of 20,000 one-letter words (40,000 characters) and one just
   under the 20,000-character limit, sent mid-session while five other
   practitioners carry on: its reply time, Rasa's memory, the others' turn times.

Writes results/benchmark.json and results/benchmark.png and prints a summary.
It measures; it does not pass or fail (only --smoke checks that it ran cleanly).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.serve import BIN, MODEL, Servers, free_port, wait_for  # noqa: E402

START_SECONDS = 900  # two bots loading at once on two busy cores can be slow


class PatientServers(Servers):
    """scripts/serve.py's Servers, waiting longer for the model to load."""

    def start_rasa(self) -> subprocess.Popen:
        process = self._spawn("rasa", self.rasa_args("run"))
        wait_for(f"http://127.0.0.1:{self.rasa_port}/", process, "Rasa server", timeout=START_SECONDS)
        return process

RESULTS = ROOT / "results"
CROWD = 50
BIG_MESSAGE = "a " * 20_000  # 20,000 one-letter words, 40,000 characters
UNDER_LIMIT = ("a " * 10_000)[:19_999]  # just under the 20,000-character limit
# The floor's own training data is about moods: the same number of turns, in its words.
FLOOR_SCRIPT = ["hello", "I am feeling a bit sad", "yes", "hi there", "very good", "no",
                "are you a bot?", "great, carry on", "I am unhappy", "yes it did", "goodbye"]
# A tiny training setup for --smoke only: the smoke checks that the benchmark runs, not timings.
SMOKE_FLOOR_CONFIG = """recipe: default.v1
assistant_id: benchmark_floor_smoke
language: en
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: DIETClassifier
    epochs: 1
policies:
  - name: MemoizationPolicy
  - name: RulePolicy
"""


# ----- measuring --------------------------------------------------------------------------

def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (VmRSS from /proc), in MB."""
    children: Dict[int, List[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total_kb, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
        todo += children.get(current, [])
    return round(total_kb / 1024, 1)


class PeakMemory:
    """Samples a process tree's memory twice a second while a phase runs."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_mb(self.pid))
            self._stop.wait(0.5)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_rss_mb(self.pid))


def percentile(values: List[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(turns: List[float], seconds: float, errors: int) -> Dict[str, float]:
    ms = [t * 1000 for t in turns]
    return {"turns": len(ms), "errors": errors, "p50_ms": round(percentile(ms, 50), 1),
            "p95_ms": round(percentile(ms, 95), 1), "max_ms": round(max(ms, default=0), 1),
            "mean_ms": round(statistics.fmean(ms), 1) if ms else 0.0,
            "turns_per_second": round(len(ms) / seconds, 2) if seconds else 0.0,
            "wall_seconds": round(seconds, 1)}


# ----- talking over REST ------------------------------------------------------------------

def post(port: int, sender: str, text: str, timeout: float = 300) -> tuple:
    """(status, reply text, seconds) for one message over the REST channel."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = json.load(response)
            status = response.status
    except urllib.error.HTTPError as error:
        return error.code, "", time.perf_counter() - started
    seconds = time.perf_counter() - started
    return status, "\n".join(m.get("text") or "" for m in body), seconds


class Practitioner:
    """One sender replaying a script of messages, timing every turn."""

    def __init__(self, port: int, sender: str, needs_reply: bool = True):
        # the floor may rightly stay silent (it has no fallback response); this assistant never should
        self.port, self.sender, self.needs_reply = port, sender, needs_reply
        self.times: List[float] = []
        self.spans: List[tuple] = []  # (start, end) on the perf_counter clock
        self.errors = 0
        self.last_reply = ""

    def say(self, text: str) -> str:
        start = time.perf_counter()
        status, reply, seconds = post(self.port, self.sender, text)
        if status != 200 or (self.needs_reply and not reply):
            self.errors += 1
        self.times.append(seconds)
        self.spans.append((start, start + seconds))
        self.last_reply = reply
        return reply

    def replay(self, script: List[str]) -> "Practitioner":
        for text in script:
            try:
                self.say(text)
            except OSError:
                self.errors += 1
        return self


def floor_script(length: int) -> List[str]:
    return [FLOOR_SCRIPT[i % len(FLOOR_SCRIPT)] for i in range(length)]


# ----- the two bots -----------------------------------------------------------------------

def build_floor(folder: Path, smoke: bool, log) -> Path:
    """A bare `rasa init` bot, trained in `folder` with the same Rasa; returns its model."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
           "PYTHONWARNINGS": "ignore"}
    if smoke:  # the same project, trained in seconds
        import rasa
        shutil.copytree(Path(rasa.__file__).parent / "cli" / "initial_project", folder,
                        dirs_exist_ok=True)
        (folder / "config.yml").write_text(SMOKE_FLOOR_CONFIG)
        command = [str(BIN / "rasa"), "train", "--out", "models", "--fixed-model-name", "floor", "--quiet"]
    else:
        command = [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(folder)]
    subprocess.run(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT, check=True,
                   timeout=1800)
    return max((folder / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)


def start_floor(folder: Path, model: Path, port: int, log) -> subprocess.Popen:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
           "PYTHONWARNINGS": "ignore"}
    process = subprocess.Popen([str(BIN / "rasa"), "run", "--model", str(model), "--port", str(port),
                                "--interface", "127.0.0.1", "--credentials", "credentials.yml"],
                               cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    wait_for(f"http://127.0.0.1:{port}/", process, "floor Rasa server", timeout=START_SECONDS)
    return process


# ----- phases -----------------------------------------------------------------------------

def record_script(servers: Servers, sender: str) -> tuple:
    """Drive one whole session by the question the database says is open; return (script, practitioner)."""
    from bot.modes.supervision.supervision import SupervisionEngine
    from bot.content.knowledge import load_knowledge
    from bot.storage.store import Store, make_engine
    from tests.session_driver import run_whole_session

    env = servers.child_env()
    core = SupervisionEngine(load_knowledge(ROOT / "knowledge"), Store(make_engine(env["DATABASE_URL"])),
                        Path(env["RECORDS_DIR"]))
    who = Practitioner(servers.rasa_port, sender)
    script: List[str] = []

    def say(text: str) -> str:
        script.append(text)
        return who.say(text)

    run_whole_session(say, lambda _reply: core.current_step(sender).key)
    core.store.engine.dispose()
    return script, who


def run_crowd(port: int, scripts: Dict[str, List[str]], needs_reply: bool = True) -> tuple:
    """Everyone at once (bounded: one thread each); returns (practitioners, wall seconds)."""
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(scripts)) as pool:
        crowd = list(pool.map(lambda item: Practitioner(port, item[0], needs_reply).replay(item[1]), scripts.items()))
    return crowd, time.perf_counter() - started


def turn_cost(sessions: List[Practitioner], turn: int) -> float:
    """Mean time (ms) of turns turn-2..turn+2 of each session: the cost of one turn at that depth."""
    window = [t for s in sessions for t in s.times[max(0, turn - 3):turn + 2]]
    return round(statistics.fmean(window) * 1000, 1) if window else 0.0


def same_kind_early_and_late(sessions: List[Practitioner], script: List[str], each: int = 5) -> Dict:
    """Mean time (ms) of the first `each` turns of one kind in the first half of a session and
    the last `each` in the second half, for two kinds: short answers and free text.

    The scripted turns 5 and 40 are different kinds of turn: around turn 5 the
    answers are short (a name, a number), around turn 40 most are free text,
    which is checked for danger and wording and stored whole. Comparing the
    first free-text answers of a session with its last ones, and the same for
    short answers, leaves only the depth. The opening message and the closing
    "save" are neither.
    """
    answers = range(1, len(script) - 1)
    kinds = {"short": [i for i in answers if len(script[i]) <= 40],
             "free_text": [i for i in answers if len(script[i]) > 40]}
    figures: Dict = {}
    half = len(script) // 2
    for kind, turns in kinds.items():
        early, late = [i for i in turns if i < half][:each], [i for i in turns if i >= half][-each:]
        if not early or not late:
            continue
        for name, chosen in (("early", early), ("late", late)):
            figures[f"assistant_{kind}_{name}_turns"] = [i + 1 for i in chosen]
            figures[f"assistant_{kind}_{name}_ms"] = round(
                statistics.fmean(s.times[i] for s in sessions for i in chosen) * 1000, 1)
        figures[f"assistant_{kind}_late_vs_early"] = round(
            figures[f"assistant_{kind}_late_ms"] / figures[f"assistant_{kind}_early_ms"], 2)
    return figures


PROBE_REPEATS = 5


def same_message_at_depths(port: int, sender: str, script: List[str], probe: str,
                           needs_reply: bool = True) -> tuple:
    """Median time (ms) of one unchanging message sent at turn 5 and again at turn 40 of one session.

    The scripted turns 5 and 40 are different questions (a number early, free
    text checked for danger and wording late), so comparing them mixes the
    cost of the question with the cost of depth. "help" inside a session
    changes nothing and re-asks the open question: sent at both depths, only
    the depth differs.
    """
    who = Practitioner(port, sender, needs_reply)
    at = {}
    for depth, (start, stop) in ((5, (0, 5)), (40, (5, 40))):
        who.replay(script[start:stop])
        times = []
        for _ in range(PROBE_REPEATS):
            who.say(probe)
            times.append(who.times[-1])
        at[depth] = round(statistics.median(times) * 1000, 1)
    return at[5], at[40], who.errors


AFTERMATH = 2.0  # seconds after a big message's reply in which Rasa's memory is still watched


def others_meanwhile(turns: List[tuple], start: float, end: float, usual_before: float) -> Dict:
    """Other practitioners' turns while a message is handled, against their usual turns.

    `turns` holds (start, end, seconds) for every other turn. "Meanwhile" is
    every turn that overlaps the message or the AFTERMATH after its reply
    (what the message leaves behind, a collection or a swollen cache, counts
    too); "usual" is every turn that ended before `usual_before`. It compares
    like with like: median with median and p95 with p95. The slowest of a
    handful of turns says more about chance than about the message, so the
    same figures are given for a control window of the same length just
    before `usual_before`, with no big message in it: what chance alone gives.
    """
    def window(a: float, b: float) -> List[float]:
        return [t for s, e, t in turns if s < b and e > a]

    usual = [t for _s, e, t in turns if e < usual_before]
    length = end + AFTERMATH - start
    figures: Dict = {"others_usual_turns": len(usual),
                     "others_usual_p50_ms": round(percentile(usual, 50) * 1000, 1),
                     "others_usual_p95_ms": round(percentile(usual, 95) * 1000, 1)}
    for name, times in (("during", window(start, end + AFTERMATH)),
                        ("control", window(usual_before - length, usual_before))):
        figures[f"others_{name}_turns"] = len(times)
        for p in (50, 95):
            ms = round(percentile(times, p) * 1000, 1)
            figures[f"others_{name}_p{p}_ms"] = ms
            figures[f"others_{name}_p{p}_vs_usual"] = (
                round(ms / figures[f"others_usual_p{p}_ms"], 2) if times and usual else None)
        figures[f"others_{name}_max_ms"] = round(max(times, default=0) * 1000, 1)
    return figures


def big_message(servers: Servers, script: List[str], rasa: subprocess.Popen, others: int) -> Dict:
    """The 40,000-character message and one just under the limit, mid-session, with others talking."""
    from tests.session_driver import STRUCTURED_ANSWERS
    port = servers.rasa_port
    stop = threading.Event()
    background: List[Practitioner] = []

    def keep_talking(n: int) -> None:
        round_ = 0
        while not stop.is_set():
            who = Practitioner(port, f"bench-bg-{n}-{round_}")
            background.append(who)
            for text in script:
                if stop.is_set():
                    break
                who.say(text)
            round_ += 1

    threads = [threading.Thread(target=keep_talking, args=(n,), daemon=True) for n in range(others)]
    for thread in threads:
        thread.start()
    time.sleep(15)  # the others' usual turn times
    results: Dict[str, Dict] = {}
    first_start: Optional[float] = None
    for name, text in (("words_20000_chars_40000", BIG_MESSAGE), ("chars_19999", UNDER_LIMIT)):
        big = Practitioner(port, f"bench-big-{len(text)}")
        # up to the first free-text question (one not answered from the structured list)
        position = next(i for i, t in enumerate(script) if t not in STRUCTURED_ANSWERS.values())
        for answer in script[:position]:
            big.say(answer)
        before = tree_rss_mb(rasa.pid)
        with PeakMemory(rasa.pid) as memory:
            start = time.perf_counter()
            first_start = first_start or start
            status, reply, seconds = post(port, big.sender, text)
            end = start + seconds
            time.sleep(AFTERMATH)
        after = tree_rss_mb(rasa.pid)
        status_next, reply_next, _ = post(port, big.sender, "skip")  # the server keeps serving
        results[name] = {"characters": len(text), "status": status, "reply_seconds": round(seconds, 2),
                         "replied": bool(reply), "next_turn_status": status_next,
                         "rasa_rss_before_mb": before, "rasa_rss_peak_mb": memory.peak,
                         "rasa_rss_after_mb": after, "rasa_growth_mb": round(memory.peak - before, 1),
                         "window": (start, end)}
        time.sleep(5)
    stop.set()
    for thread in threads:
        thread.join(timeout=300)
    turns = [(s, e, t) for w in background for (s, e), t in zip(w.spans, w.times)]
    for result in results.values():
        start, end = result.pop("window")
        # the usual is the warm-up before the first big message, so neither message's aftermath is in it
        result.update(others_meanwhile(turns, start, end, usual_before=first_start - 1))
    return {"others": others, "aftermath_seconds": AFTERMATH, **results}


# ----- the run ----------------------------------------------------------------------------

def run(smoke: bool, sequential_sessions: int, crowd_size: int, out: Path) -> Dict:
    out.parent.mkdir(parents=True, exist_ok=True)
    if not MODEL.exists():
        raise SystemExit("No trained model: run `make train` first.")
    work = Path(tempfile.mkdtemp(prefix="benchmark-"))
    log = open(work / "benchmark.log", "ab")
    floor_dir = work / "floor"
    floor_dir.mkdir()
    servers = PatientServers(rasa_port=free_port(), action_port=free_port(), log_dir=work, env={
        "DATABASE_URL": f"sqlite:///{work / 'assistant.db'}", "RECORDS_DIR": str(work / "records")})
    floor: Optional[subprocess.Popen] = None
    result: Dict = {"smoke": smoke, "machine": {"cores": os.cpu_count()},
                    "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    try:
        print("Training the floor bot (a bare `rasa init`)...", flush=True)
        floor_model = build_floor(floor_dir, smoke, log)
        print("Starting both bots...", flush=True)
        servers.start_actions()
        assistant = servers.start_rasa()
        floor_port = free_port()
        floor = start_floor(floor_dir, floor_model, floor_port, log)
        actions = servers.processes[0]
        memory = {"idle": {"assistant_rasa_mb": tree_rss_mb(assistant.pid),
                           "assistant_actions_mb": tree_rss_mb(actions.pid),
                           "floor_rasa_mb": tree_rss_mb(floor.pid)}}

        print("Sessions one after another...", flush=True)
        started = time.perf_counter()
        script, first = record_script(servers, "bench-seq-0")
        ours = [first] + [Practitioner(servers.rasa_port, f"bench-seq-{n}").replay(script)
                          for n in range(1, sequential_sessions)]
        ours_seconds = time.perf_counter() - started
        saves = [s.times[-1] for s in ours]  # "save" writes the record: the whole turn, an upper bound
        started = time.perf_counter()
        theirs = [Practitioner(floor_port, f"floor-seq-{n}", needs_reply=False).replay(floor_script(len(script)))
                  for n in range(sequential_sessions)]
        theirs_seconds = time.perf_counter() - started
        sequential = {
            "sessions": sequential_sessions, "turns_per_session": len(script),
            "assistant": summary([t for s in ours for t in s.times], ours_seconds, sum(s.errors for s in ours)),
            "floor": summary([t for s in theirs for t in s.times], theirs_seconds,
                             sum(s.errors for s in theirs)),
            "records_saved": sum("saved as" in s.last_reply for s in ours),
        }
        sequential["p50_ratio"] = round(sequential["assistant"]["p50_ms"] / sequential["floor"]["p50_ms"], 2)
        sequential["p95_ratio"] = round(sequential["assistant"]["p95_ms"] / sequential["floor"]["p95_ms"], 2)
        depth = {"assistant_turn5_ms": turn_cost(ours, 5), "assistant_turn40_ms": turn_cost(ours, 40),
                 "floor_turn5_ms": turn_cost(theirs, 5), "floor_turn40_ms": turn_cost(theirs, 40)}
        depth["assistant_turn40_vs_turn5"] = round(depth["assistant_turn40_ms"] / depth["assistant_turn5_ms"], 2)
        depth["floor_turn40_vs_turn5"] = round(depth["floor_turn40_ms"] / depth["floor_turn5_ms"], 2)
        probe_5, probe_40, probe_errors = same_message_at_depths(servers.rasa_port, "bench-depth", script, "help")
        floor_5, floor_40, _ = same_message_at_depths(floor_port, "floor-depth", floor_script(len(script)),
                                                      "hello", needs_reply=False)
        depth.update(same_message="help (the floor: hello)", assistant_same_message_turn5_ms=probe_5,
                     assistant_same_message_turn40_ms=probe_40,
                     assistant_same_message_turn40_vs_turn5=round(probe_40 / probe_5, 2),
                     floor_same_message_turn5_ms=floor_5, floor_same_message_turn40_ms=floor_40,
                     floor_same_message_turn40_vs_turn5=round(floor_40 / floor_5, 2))
        depth.update(same_kind_early_and_late(ours, script))
        sequential["assistant"]["errors"] += probe_errors
        result.update(sequential=sequential, turn_depth=depth, record_write={
            "save_turn_p50_ms": round(percentile(saves, 50) * 1000, 1),
            "save_turn_max_ms": round(max(saves) * 1000, 1)})
        memory["after_sequential"] = {"assistant_rasa_mb": tree_rss_mb(assistant.pid),
                                      "assistant_actions_mb": tree_rss_mb(actions.pid),
                                      "floor_rasa_mb": tree_rss_mb(floor.pid)}

        if crowd_size:
            print(f"{crowd_size} practitioners at once...", flush=True)
            with PeakMemory(assistant.pid) as ours_peak, PeakMemory(actions.pid) as actions_peak:
                crowd, crowd_seconds = run_crowd(servers.rasa_port,
                                                 {f"bench-crowd-{n}": script for n in range(crowd_size)})
            with PeakMemory(floor.pid) as floor_peak:
                floor_crowd, floor_seconds = run_crowd(
                    floor_port, {f"floor-crowd-{n}": floor_script(len(script)) for n in range(crowd_size)},
                    needs_reply=False)
            records = list((work / "records").glob("*.docx"))
            concurrent = {
                "practitioners": crowd_size, "turns_per_practitioner": len(script),
                "assistant": summary([t for s in crowd for t in s.times], crowd_seconds,
                                     sum(s.errors for s in crowd)),
                "floor": summary([t for s in floor_crowd for t in s.times], floor_seconds,
                                 sum(s.errors for s in floor_crowd)),
                "records_saved": sum("saved as" in s.last_reply for s in crowd),
                "record_files": len(records),
            }
            concurrent["throughput_ratio"] = round(concurrent["assistant"]["turns_per_second"]
                                                   / concurrent["floor"]["turns_per_second"], 2)
            concurrent["p50_ratio"] = round(concurrent["assistant"]["p50_ms"] / concurrent["floor"]["p50_ms"], 2)
            result["concurrent"] = concurrent
            memory["peak_concurrent"] = {"assistant_rasa_mb": ours_peak.peak,
                                         "assistant_actions_mb": actions_peak.peak,
                                         "floor_rasa_mb": floor_peak.peak}
            print("One 20,000-word message while five others talk...", flush=True)
            result["big_message"] = big_message(servers, script, assistant, others=5)
        result["memory"] = memory
        errors = sum(s["errors"] for phase in ("sequential", "concurrent") if phase in result
                     for s in (result[phase]["assistant"], result[phase]["floor"]))
        result["errors"] = errors
    finally:
        if floor is not None:
            from scripts.serve import stop_process
            stop_process(floor)
        servers.stop()
        log.close()
        shutil.rmtree(work, ignore_errors=True)  # the invented sessions and records go too
    result["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    out.write_text(json.dumps(result, indent=2) + "\n")
    return result


def chart(result: Dict, path: Path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    phases = [p for p in ("sequential", "concurrent") if p in result]
    figure, axes = plt.subplots(1, len(phases), figsize=(4.2 * len(phases), 3.2), squeeze=False)
    for axis, phase in zip(axes[0], phases):
        data = result[phase]
        labels = ["p50", "p95", "max"]
        width = 0.38
        for offset, (side, colour, hatch) in enumerate((("assistant", "#333333", ""),
                                                         ("floor", "#bbbbbb", "//"))):
            values = [data[side][f"{label}_ms"] for label in labels]
            axis.bar([i + (offset - 0.5) * width for i in range(3)], values, width, color=colour, hatch=hatch,
                     edgecolor="black", label=f"{'this assistant' if side == 'assistant' else 'bare rasa init'} "
                                              f"({data[side]['turns_per_second']} turns/s)")
        axis.set_xticks(range(3), labels)
        axis.set_ylabel("ms per turn")
        title = ("one practitioner at a time" if phase == "sequential"
                 else f"{data['practitioners']} practitioners at once")
        axis.set_title(title, fontsize=10)
        axis.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


def print_summary(result: Dict) -> None:
    seq = result["sequential"]
    print(f"\nOne at a time ({seq['sessions']} sessions of {seq['turns_per_session']} turns): "
          f"assistant p50 {seq['assistant']['p50_ms']} ms, p95 {seq['assistant']['p95_ms']} ms; "
          f"floor p50 {seq['floor']['p50_ms']} ms, p95 {seq['floor']['p95_ms']} ms; "
          f"p95 ratio {seq['p95_ratio']}x")
    depth = result["turn_depth"]
    print(f"Turn 5 {depth['assistant_turn5_ms']} ms, turn 40 {depth['assistant_turn40_ms']} ms "
          f"({depth['assistant_turn40_vs_turn5']}x); the same message ({depth['same_message']}) at turn 5 "
          f"{depth['assistant_same_message_turn5_ms']} ms, at turn 40 {depth['assistant_same_message_turn40_ms']} ms "
          f"({depth['assistant_same_message_turn40_vs_turn5']}x; floor {depth['floor_same_message_turn40_vs_turn5']}x); "
          f"the last answers of one kind against the first: short {depth.get('assistant_short_late_vs_early')}x, "
          f"free text {depth.get('assistant_free_text_late_vs_early')}x; "
          f"saving a record (whole turn) p50 {result['record_write']['save_turn_p50_ms']} ms")
    if "concurrent" in result:
        crowd = result["concurrent"]
        print(f"{crowd['practitioners']} at once: assistant {crowd['assistant']['turns_per_second']} turns/s, "
              f"p50 {crowd['assistant']['p50_ms']} ms, p95 {crowd['assistant']['p95_ms']} ms; floor "
              f"{crowd['floor']['turns_per_second']} turns/s ({crowd['throughput_ratio']}x); records saved "
              f"{crowd['records_saved']}/{crowd['practitioners']}")
    for name, big in (result.get("big_message") or {}).items():
        if isinstance(big, dict):
            print(f"{big['characters']} characters: HTTP {big['status']} in {big['reply_seconds']} s, Rasa memory "
                  f"+{big['rasa_growth_mb']} MB; others' {big['others_during_turns']} turns meanwhile: "
                  f"p50 {big['others_during_p50_vs_usual']}x, p95 {big['others_during_p95_vs_usual']}x their usual "
                  f"(a window without it: {big['others_control_p50_vs_usual']}x, "
                  f"{big['others_control_p95_vs_usual']}x)")
    print(f"Memory: {json.dumps(result['memory'])}\nErrors: {result['errors']}")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="one session each side, no crowd")
    parser.add_argument("--sessions", type=int, default=None, help="sessions one after another (default 3)")
    parser.add_argument("--crowd", type=int, default=None, help=f"practitioners at once (default {CROWD})")
    parser.add_argument("--out", type=Path, default=RESULTS / "benchmark.json")
    args = parser.parse_args(argv)
    sessions = args.sessions or (1 if args.smoke else 3)
    crowd = args.crowd if args.crowd is not None else (0 if args.smoke else CROWD)
    result = run(args.smoke, sessions, crowd, args.out)
    chart(result, args.out.with_suffix(".png"))
    print_summary(result)
    print(f"Written: {args.out} and {args.out.with_suffix('.png')}")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
