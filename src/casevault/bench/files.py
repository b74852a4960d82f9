"""`python -m casevault.bench`, file side: attach and get against a copy, peak memory, chunk sizes."""

from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from casevault.bench.common import (
    MIB,
    Samples,
    Settings,
    Table,
    drop_file,
    fmt_rate,
    fmt_seconds,
    fmt_size,
    fmt_spread,
    new_vault,
    open_vault,
    progress,
    settle,
    timed,
    write_random_file,
)
from casevault.core.fsutil import FILE_MODE, fsync_dir, make_private_dir
from casevault.crypto import blob
from casevault.crypto.blob import BlobBinding
from casevault.crypto.keys import random_key

# The fictional member every file benchmark attaches to.
MEMBER = "Rowan Testcase"
TARGET_RATIO = 1.2
TARGET_MEMORY_MIB = 32


def _durable_publish(fd: int, tmp: Path, dst: Path) -> None:
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.rename(tmp, dst)
    fsync_dir(dst.parent)


def durable_copy(src: Path, dst: Path) -> None:
    """What an atomic, durable copy costs: temp file, copy (in the kernel), fsync, rename, fsync
    the folder (the steps attach takes around its encryption)."""
    tmp = dst.with_name(f"{dst.name}.part")
    shutil.copyfile(src, tmp)
    _durable_publish(os.open(tmp, os.O_RDONLY | os.O_CLOEXEC), tmp, dst)


def streamed_durable_copy(src: Path, dst: Path) -> None:
    """The same durable copy, but through Python with a 1 MiB buffer, as attach reads and
    writes: the floor for any streaming transform written in Python."""
    tmp = dst.with_name(f"{dst.name}.part")
    buf = bytearray(MIB)
    view = memoryview(buf)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    try:
        with open(src, "rb") as source:
            while n := source.readinto(buf):
                done = 0
                while done < n:
                    done += os.write(fd, view[done:n])
    except BaseException:
        os.close(fd)
        raise
    _durable_publish(fd, tmp, dst)


# ---- attach and get against a copy ------------------------------------------------------------

LABELS = {
    "plain copy": "plain copy (shutil.copyfile)",
    "durable copy": "durable copy (copyfile + fsync + rename)",
    "streamed copy": "  same, read/write loop in Python",
    "attach": "attach (encrypt + fsync + DB rows)",
    "get": "get (decrypt + fsync, new file)",
    "encrypt only": "  encrypt to a file, no fsync (like cp)",
    "decrypt only": "  decrypt to a file, no fsync (like cp)",
}


def _paired_ratio(op: Samples, base: Samples) -> float:
    """Median of the per-round ratios: a slow spell of the machine hits both sides of a round."""
    return statistics.median(a / b for a, b in zip(op.values, base.values, strict=True))


def attach_and_get(settings: Settings, scratch: Path) -> Table:
    size = settings.file_size
    src = scratch / "source.bin"
    out = scratch / "out"
    make_private_dir(out)
    progress(f"writing a {fmt_size(size)} source file")
    write_random_file(src, size)
    vault = new_vault(scratch / "vault-files")
    try:
        ref = vault.new_case(MEMBER)
        counter = iter(range(1_000_000))
        got: list[str] = []

        def attach() -> None:
            got.append(vault.attach(ref, src))

        def get() -> None:
            vault.save_attachment(got[0], out / f"get-{next(counter)}")

        def blob_path(attachment_id: str) -> Path:
            return vault.paths.blob(vault.attachment(attachment_id).case_id, attachment_id)

        key = random_key()
        binding = BlobBinding(os.urandom(16), os.urandom(16), os.urandom(16))
        sealed = scratch / "sealed.cvf"
        with src.open("rb") as source, sealed.open("wb") as sink:
            blob.encrypt_stream(key, binding, source, sink)

        def encrypt_only() -> None:
            with src.open("rb") as source, (out / f"enc-{next(counter)}").open("wb") as sink:
                blob.encrypt_stream(key, binding, source, sink)

        def decrypt_only() -> None:
            with sealed.open("rb") as source, (out / f"dec-{next(counter)}").open("wb") as sink:
                blob.decrypt_stream(key, binding, source, sink)

        ops: dict[str, Callable[[], object]] = {
            "plain copy": lambda: shutil.copyfile(src, out / f"copy-{next(counter)}"),
            "encrypt only": encrypt_only,
            "decrypt only": decrypt_only,
            "durable copy": lambda: durable_copy(src, out / f"dcopy-{next(counter)}"),
            "streamed copy": lambda: streamed_durable_copy(src, out / f"scopy-{next(counter)}"),
            "attach": attach,
            "get": get,
        }
        samples = {name: Samples() for name in ops}
        names = list(ops)
        # Round 0 warms caches and imports and gives `get` its attachment; it is not counted.
        # Later rounds rotate the order, so no operation always follows the same one.
        for round_no in range(settings.file_runs + 1):
            progress(f"attach/get/copy round {round_no} of {settings.file_runs} (0 = warm-up)")
            order = names[round_no % len(names) :] + names[: round_no % len(names)]
            if round_no == 0:
                order = ["attach", *(n for n in names if n != "attach")]
            for name in order:
                settle(blob_path(got[0]) if name == "get" else sealed if name == "decrypt only" else src)
                seconds = timed(ops[name])
                if round_no:
                    samples[name].add(seconds)
                for leftover in out.iterdir():
                    drop_file(leftover)
    finally:
        vault.close()
    drop_file(src)
    drop_file(sealed)
    return _attach_table(settings, samples, names)


def _attach_table(settings: Settings, samples: dict[str, Samples], names: list[str]) -> Table:
    size = settings.file_size
    base = samples["durable copy"]
    plain = samples["plain copy"].median
    table = Table(
        f"Attach and get a {fmt_size(size)} file vs a copy on the same disk "
        f"({settings.file_runs} interleaved runs each, medians)",
        ("operation", "median", "throughput", "vs durable copy", "paired", "vs plain copy", "min .. max"),
    )
    for name in names:
        s = samples[name]
        table.add(
            LABELS[name],
            fmt_seconds(s.median),
            fmt_rate(size, s.median),
            f"{s.median / base.median:.2f}x",
            f"{_paired_ratio(s, base):.2f}x",
            f"{s.median / plain:.2f}x",
            fmt_spread(s),
        )
    worst = max(samples["attach"].median, samples["get"].median) / base.median
    worst_paired = max(_paired_ratio(samples["attach"], base), _paired_ratio(samples["get"], base))
    table.notes += [
        "Main ratio: attach and get against the DURABLE copy, because attach fsyncs its blob and",
        "get fsyncs its output; a plain copy leaves its data in the page cache (not durable).",
        "The 'no fsync' rows compare the streaming crypto alone with the plain copy, like for like.",
        "vs durable copy = ratio of medians; paired = median of the ratios within each round.",
        "Before each run: sync, and the run's input (source file or blob) is read into the page cache.",
        f"Target: attach and get within {TARGET_RATIO}x of a copy -> worst is {worst:.2f}x "
        f"(paired {worst_paired:.2f}x) "
        + ("(met)" if max(worst, worst_paired) <= TARGET_RATIO else "(NOT met)")
        + (" [quick run: too small to judge]" if settings.quick else ""),
    ]
    return table


# ---- peak memory in a fresh process -------------------------------------------------------------


def peak_rss_kib(platform: str = sys.platform, proc_status: str = "/proc/self/status") -> tuple[int, str]:
    """This process's peak resident memory in KiB, and where the figure came from (the
    parameters are for the tests, which run macOS's branch here)."""
    try:
        with open(proc_status, encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]), "VmHWM"
    except OSError:
        pass
    import resource  # noqa: PLC0415 - only where /proc is missing

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is KiB on Linux and bytes on macOS.
    return (peak // 1024 if platform == "darwin" else peak), "ru_maxrss"


def memory_child(argv: list[str]) -> int:
    """`python -m casevault.bench _child memory attach|get VAULT TARGET PATH`: one attach (TARGET
    = case ref, PATH = source) or one get (TARGET = attachment id, PATH = output) in this fresh
    process, then a JSON line with the peak memory."""
    action, vault_dir, target, path = argv
    with open_vault(Path(vault_dir)) as vault:
        before, _ = peak_rss_kib()
        if action == "attach":
            made = vault.attach(target, Path(path))
        elif action == "get":
            vault.save_attachment(target, Path(path))
            made = target
        else:
            raise ValueError("unknown memory child action")
        peak, source = peak_rss_kib()
    print(json.dumps({"before_kib": before, "peak_kib": peak, "source": source, "id": made}))
    return 0


def _run_child(args: list[str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "casevault.bench", "_child", "memory", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the memory child failed with exit code {done.returncode}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def peak_memory(settings: Settings, scratch: Path) -> Table:
    sizes = {"small": settings.mem_small, "large": settings.mem_large}
    sources = {label: scratch / f"mem-{label}.bin" for label in sizes}
    for label, size in sizes.items():
        progress(f"writing a {fmt_size(size)} source file")
        write_random_file(sources[label], size)
    root = scratch / "vault-memory"
    with new_vault(root) as vault:
        ref = vault.new_case(MEMBER)
    peaks: dict[tuple[str, str], list[int]] = {}
    befores: dict[tuple[str, str], list[int]] = {}
    ids: dict[str, str] = {}
    source = "?"
    for run in range(settings.mem_runs):
        for action in ("attach", "get"):
            for label, size in sizes.items():
                progress(f"memory run {run + 1} of {settings.mem_runs}: {action} {fmt_size(size)}")
                settle()
                out = scratch / f"mem-{label}.out"
                target = ref if action == "attach" else ids[label]
                path = sources[label] if action == "attach" else out
                result = _run_child([action, str(root), target, str(path)])
                drop_file(out)
                if action == "attach":
                    ids.setdefault(label, str(result["id"]))
                peaks.setdefault((action, label), []).append(int(str(result["peak_kib"])))
                befores.setdefault((action, label), []).append(int(str(result["before_kib"])))
                source = str(result["source"])
    for path in sources.values():
        drop_file(path)

    def med(values: list[int]) -> float:
        return sorted(values)[len(values) // 2] / 1024

    table = Table(
        f"Peak memory (resident, {source}) of a fresh process that opens the vault and attaches or "
        f"gets one file ({settings.mem_runs} run(s) each, median)",
        (
            "operation",
            f"{fmt_size(settings.mem_small)} file",
            f"{fmt_size(settings.mem_large)} file",
            "difference",
            "before the operation",
        ),
    )
    diffs = {}
    for action in ("attach", "get"):
        small, large = med(peaks[action, "small"]), med(peaks[action, "large"])
        diffs[action] = large - small
        table.add(
            action,
            f"{small:.1f} MiB",
            f"{large:.1f} MiB",
            f"{large - small:+.1f} MiB",
            f"{med(befores[action, 'small']):.1f} MiB",
        )
    met = diffs["attach"] < TARGET_MEMORY_MIB
    table.notes.append(
        f"Target: attaching {fmt_size(settings.mem_large)} uses less than {TARGET_MEMORY_MIB} MiB more "
        f"than {fmt_size(settings.mem_small)} -> {diffs['attach']:+.1f} MiB "
        + ("(met)" if met else "(NOT met)")
        + (" [quick run: sizes too small to judge]" if settings.quick else "")
    )
    return table


# ---- chunk size ----------------------------------------------------------------------------


class _Sink:
    """A preallocated in-memory destination (no growth or reallocation while timed)."""

    def __init__(self, size: int) -> None:
        self.buf = bytearray(size)
        self.pos = 0

    def write(self, data: bytes | memoryview, /) -> int:
        end = self.pos + len(data)
        self.buf[self.pos : end] = data
        self.pos = end
        return len(data)


def _encrypt_file(key: bytes, binding: BlobBinding, src: Path, dst: Path, log2: int) -> None:
    """As BlobStore.write does it: buffered output, then fsync."""
    with open(src, "rb") as source:
        fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
        with os.fdopen(fd, "wb") as out:
            blob.encrypt_stream(key, binding, source, out, chunk_log2=log2)
            out.flush()
            os.fsync(out.fileno())


def _decrypt_file(key: bytes, binding: BlobBinding, src: Path, dst: Path) -> None:
    """As BlobStore.decrypt_to does it: a 1 MiB output buffer, then fsync."""
    with open(src, "rb") as source:
        fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
        with os.fdopen(fd, "wb", buffering=1 << 20) as out:
            blob.decrypt_stream(key, binding, source, out)
            out.flush()
            os.fsync(out.fileno())


def _chunk_round(key: bytes, binding: BlobBinding, data: bytes, src: Path, log2: int) -> tuple[float, ...]:
    """One round at one chunk size: (memory encrypt, memory decrypt, disk encrypt, disk decrypt)
    in seconds."""
    sealed = _Sink(blob.ciphertext_size(len(data), log2))
    t_enc = timed(partial(blob.encrypt_stream, key, binding, io.BytesIO(data), sealed, chunk_log2=log2))
    ciphertext = io.BytesIO(sealed.buf)
    del sealed
    opened = _Sink(len(data))
    t_dec = timed(partial(blob.decrypt_stream, key, binding, ciphertext, opened))
    if opened.buf != data:
        raise RuntimeError("the chunk-size benchmark did not round-trip")
    del ciphertext, opened
    sealed_path, opened_path = src.with_name("chunk.cvf"), src.with_name("chunk.out")
    try:
        settle(src)
        t_disk_enc = timed(partial(_encrypt_file, key, binding, src, sealed_path, log2))
        settle(sealed_path)
        t_disk_dec = timed(partial(_decrypt_file, key, binding, sealed_path, opened_path))
    finally:
        drop_file(sealed_path)
        drop_file(opened_path)
    return t_enc, t_dec, t_disk_enc, t_disk_dec


def chunk_sizes(settings: Settings, scratch: Path) -> Table:
    size = settings.chunk_size
    src = scratch / "chunk-source.bin"
    progress(f"writing a {fmt_size(size)} source file")
    write_random_file(src, size)
    data = src.read_bytes()
    key = random_key()
    binding = BlobBinding(os.urandom(16), os.urandom(16), os.urandom(16))
    kinds = ("memory encrypt", "memory decrypt", "disk encrypt", "disk decrypt")
    samples = {(log2, kind): Samples() for log2 in settings.chunk_logs for kind in kinds}
    logs = list(settings.chunk_logs)
    for run in range(settings.chunk_runs + 1):  # run 0 warms up and is not counted
        order = logs[run % len(logs) :] + logs[: run % len(logs)]
        for log2 in order:
            progress(f"chunk size run {run} of {settings.chunk_runs} (0 = warm-up): {fmt_size(1 << log2)}")
            seconds = _chunk_round(key, binding, data, src, log2)
            if run:
                for kind, value in zip(kinds, seconds, strict=True):
                    samples[log2, kind].add(value)
    drop_file(src)

    table = Table(
        f"Chunk size: encrypt and decrypt throughput, {fmt_size(size)} "
        f"({settings.chunk_runs} interleaved run(s), medians)",
        ("chunk", *(f"{k} MiB/s" for k in kinds), "tag overhead"),
    )
    best = {kind: min((samples[lg, kind].median, lg) for lg in logs)[1] for kind in kinds}
    for log2 in logs:
        overhead = blob.ciphertext_size(size, log2) - size - blob.HEADER_LEN
        default = " (default)" if log2 == blob.DEFAULT_CHUNK_LOG2 else ""
        table.add(
            f"2^{log2} = {fmt_size(1 << log2)}{default}",
            *(
                fmt_rate(size, samples[log2, kind].median).removesuffix(" MiB/s")
                + ("*" if best[kind] == log2 else " ")
                for kind in kinds
            ),
            f"{overhead / size * 100:.3f} %",
        )
    table.notes += [
        "* = fastest in its column. Memory: source and destination are preallocated buffers.",
        "Disk: file to file on the scratch disk, with fsync, as attach and get do it (input cached).",
        "Each chunk costs one AES-GCM call and some Python, and adds a 16-byte tag (last column).",
    ]
    return table
