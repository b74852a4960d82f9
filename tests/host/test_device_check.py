"""Device check: canned tool output through the injected `run`, plus one honest run on this machine."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from casevault.host import device_check
from casevault.host.device_check import (
    ADVICE_CHECK_DISK,
    ADVICE_CHECK_LOCK,
    ADVICE_ENCRYPT_LINUX,
    ADVICE_ENCRYPT_MACOS,
    ADVICE_ENCRYPT_WINDOWS,
    ADVICE_TURN_ON_LOCK,
    ADVICE_VAULT_LOCKS,
    DeviceReport,
    check_device,
)

GNOME = {"XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}
KDE = {"XDG_CURRENT_DESKTOP": "KDE"}
VALUES = {"yes", "no", "unknown"}


class FakeRun:
    """Answers by command; a value may be a CompletedProcess, an exception to raise, or missing."""

    def __init__(self, answers: dict[tuple[str, ...], Any]) -> None:
        self.answers = answers
        self.calls: list[list[str]] = []

    def __call__(self, args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        assert isinstance(args, list)
        assert kwargs.get("shell") is not True
        assert kwargs["timeout"] <= 10
        self.calls.append(args)
        for prefix, answer in self.answers.items():
            if tuple(args[: len(prefix)]) == prefix:
                if isinstance(answer, BaseException):
                    raise answer
                return answer  # type: ignore[no-any-return]
        raise FileNotFoundError(args[0])


def ok(stdout: str = "", stderr: str = "", code: int = 0) -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess([], code, stdout, stderr)


def findmnt(source: str, fstype: str) -> subprocess.CompletedProcess[str]:
    return ok(json.dumps({"filesystems": [{"source": source, "fstype": fstype}]}))


def lsblk(*tree: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    return ok(json.dumps({"blockdevices": list(tree)}))


def gsettings(lock: str | Exception, delay: str | None = "uint32 300") -> dict[tuple[str, ...], Any]:
    lock_answer = lock if isinstance(lock, Exception) else ok(lock + "\n")
    answers: dict[tuple[str, ...], Any] = {
        ("gsettings", "get", "org.gnome.desktop.screensaver", "lock-enabled"): lock_answer
    }
    if delay is not None:
        answers["gsettings", "get", "org.gnome.desktop.session", "idle-delay"] = ok(delay + "\n")
    return answers


LUKS_CHAIN = lsblk(
    {
        "name": "vg-root",
        "type": "lvm",
        "fstype": "ext4",
        "children": [
            {
                "name": "luks-1234",
                "type": "crypt",
                "fstype": "LVM2_member",
                "children": [
                    {
                        "name": "nvme0n1p3",
                        "type": "part",
                        "fstype": "crypto_LUKS",
                        "children": [{"name": "nvme0n1", "type": "disk", "fstype": None}],
                    }
                ],
            }
        ],
    }
)
PLAIN_PART = lsblk(
    {
        "name": "sda2",
        "type": "part",
        "fstype": "ext4",
        "children": [{"name": "sda", "type": "disk", "fstype": None}],
    }
)


@pytest.fixture(autouse=True)
def _no_fscrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    # The canned cases must not depend on whether the test machine's own folder uses fscrypt.
    monkeypatch.setattr(device_check.linux, "_probe_fscrypt", lambda path: False)


def linux(tmp_path: Path, answers: dict[tuple[str, ...], Any], env: dict[str, str] = GNOME) -> DeviceReport:
    return check_device(tmp_path / "vault", run=FakeRun(answers), platform="linux", env=env)


# --- disk on Linux ---------------------------------------------------------------------------------


def test_luks_chain_is_encrypted(tmp_path: Path) -> None:
    run = FakeRun(
        {
            ("findmnt",): findmnt("/dev/mapper/vg-root", "ext4"),
            ("lsblk",): LUKS_CHAIN,
            **gsettings("true"),
        }
    )
    report = check_device(tmp_path / "vault", run=run, platform="linux", env=GNOME)
    assert report.disk_encrypted == "yes"
    assert ["lsblk", "-J", "-s", "-o", "NAME,TYPE,FSTYPE", "/dev/mapper/vg-root"] in run.calls
    assert ADVICE_ENCRYPT_LINUX not in report.advice
    assert ADVICE_CHECK_DISK not in report.advice


def test_luks_recognised_by_fstype_alone(tmp_path: Path) -> None:
    chain = lsblk({"name": "x", "type": "part", "fstype": "crypto_LUKS"})
    report = linux(tmp_path, {("findmnt",): findmnt("/dev/sda3", "ext4"), ("lsblk",): chain})
    assert report.disk_encrypted == "yes"


def test_plain_ext4_partition_is_not_encrypted(tmp_path: Path) -> None:
    report = linux(tmp_path, {("findmnt",): findmnt("/dev/sda2", "ext4"), ("lsblk",): PLAIN_PART})
    assert report.disk_encrypted == "no"
    assert ADVICE_ENCRYPT_LINUX in report.advice


def test_btrfs_subvolume_source_is_stripped(tmp_path: Path) -> None:
    run = FakeRun({("findmnt",): findmnt("/dev/sda2[/@home]", "btrfs"), ("lsblk",): PLAIN_PART})
    report = check_device(tmp_path, run=run, platform="linux", env=GNOME)
    assert report.disk_encrypted == "no"
    assert run.calls[1][-1] == "/dev/sda2"


def test_loop_device_is_unknown(tmp_path: Path) -> None:
    chain = lsblk({"name": "loop0", "type": "loop", "fstype": "ext4"})
    report = linux(tmp_path, {("findmnt",): findmnt("/dev/loop0", "ext4"), ("lsblk",): chain})
    assert report.disk_encrypted == "unknown"


@pytest.mark.parametrize(
    ("source", "fstype"),
    [
        ("overlay", "overlay"),
        ("tmpfs", "tmpfs"),
        ("server:/export", "nfs4"),
        ("//server/share", "cifs"),
        ("rpool/home", "zfs"),
        ("portal", "fuse.portal"),
    ],
)
def test_container_network_and_native_filesystems_are_unknown(
    tmp_path: Path, source: str, fstype: str
) -> None:
    run = FakeRun({("findmnt",): findmnt(source, fstype), ("lsblk",): PLAIN_PART})
    report = check_device(tmp_path, run=run, platform="linux", env=GNOME)
    assert report.disk_encrypted == "unknown"
    assert not any(call[0] == "lsblk" for call in run.calls)
    assert ADVICE_CHECK_DISK in report.advice


def test_ecryptfs_is_encrypted(tmp_path: Path) -> None:
    report = linux(tmp_path, {("findmnt",): findmnt("/home/.ecryptfs/x/.Private", "ecryptfs")})
    assert report.disk_encrypted == "yes"


def test_fscrypt_flag_is_encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(device_check.linux, "_probe_fscrypt", lambda path: True)
    report = linux(tmp_path, {("findmnt",): findmnt("/dev/sda2", "ext4"), ("lsblk",): PLAIN_PART})
    assert report.disk_encrypted == "yes"


def test_lsblk_missing_is_unknown(tmp_path: Path) -> None:
    report = linux(
        tmp_path, {("findmnt",): findmnt("/dev/sda2", "ext4"), ("lsblk",): FileNotFoundError("lsblk")}
    )
    assert report.disk_encrypted == "unknown"


def test_findmnt_missing_is_unknown(tmp_path: Path) -> None:
    assert linux(tmp_path, {}).disk_encrypted == "unknown"


def test_timeout_is_unknown(tmp_path: Path) -> None:
    timeout = subprocess.TimeoutExpired(["lsblk"], 5)
    report = linux(tmp_path, {("findmnt",): findmnt("/dev/sda2", "ext4"), ("lsblk",): timeout})
    assert report.disk_encrypted == "unknown"
    report = linux(tmp_path, {("findmnt",): subprocess.TimeoutExpired(["findmnt"], 5)})
    assert report.disk_encrypted == "unknown"


@pytest.mark.parametrize(
    "answer", [ok("", "lsblk: not a block device", 32), ok("not json"), ok('{"blockdevices": []}')]
)
def test_lsblk_errors_and_garbage_are_unknown(tmp_path: Path, answer: Any) -> None:
    report = linux(tmp_path, {("findmnt",): findmnt("/dev/sda2", "ext4"), ("lsblk",): answer})
    assert report.disk_encrypted == "unknown"


def test_unexpected_exception_never_reaches_the_caller(tmp_path: Path) -> None:
    report = linux(tmp_path, {("findmnt",): RuntimeError("boom")})
    assert report.disk_encrypted == "unknown"
    assert report.screen_lock == "unknown"


# --- screen lock on Linux --------------------------------------------------------------------------


def test_gnome_lock_on_with_delay(tmp_path: Path) -> None:
    report = linux(tmp_path, gsettings("true", "uint32 300"))
    assert report.screen_lock == "yes"
    assert ADVICE_TURN_ON_LOCK not in report.advice
    assert ADVICE_CHECK_LOCK not in report.advice


def test_gnome_lock_disabled(tmp_path: Path) -> None:
    report = linux(tmp_path, gsettings("false"))
    assert report.screen_lock == "no"
    assert ADVICE_TURN_ON_LOCK in report.advice


def test_gnome_never_idle(tmp_path: Path) -> None:
    report = linux(tmp_path, gsettings("true", "uint32 0"))
    assert report.screen_lock == "no"
    assert ADVICE_TURN_ON_LOCK in report.advice


@pytest.mark.parametrize(
    "answers",
    [
        gsettings(FileNotFoundError("gsettings")),
        gsettings(subprocess.TimeoutExpired(["gsettings"], 5)),
        {("gsettings",): ok("", "No such schema “org.gnome.desktop.screensaver”", 1)},
        {("gsettings",): ok("true\n", "GLib-GIO-Message: Using the 'memory' GSettings backend.")},
        gsettings("true", None),
        gsettings("true", "garbage"),
    ],
)
def test_gnome_errors_are_unknown(tmp_path: Path, answers: dict[tuple[str, ...], Any]) -> None:
    report = linux(tmp_path, answers)
    assert report.screen_lock == "unknown"
    assert ADVICE_CHECK_LOCK in report.advice


def test_no_desktop_is_unknown_even_if_gsettings_answers(tmp_path: Path) -> None:
    # Without a desktop, gsettings only returns GNOME's defaults: that would be a guess.
    report = linux(tmp_path, gsettings("true"), env={})
    assert report.screen_lock == "unknown"


@pytest.mark.parametrize(
    ("answer", "expected"), [("true\n", "yes"), ("\n", "yes"), ("false\n", "no"), ("maybe\n", "unknown")]
)
def test_kde_autolock(tmp_path: Path, answer: str, expected: str) -> None:
    report = linux(tmp_path, {("kreadconfig5",): ok(answer)}, env=KDE)
    assert report.screen_lock == expected


def test_kde_without_kreadconfig_is_unknown(tmp_path: Path) -> None:
    assert linux(tmp_path, {}, env=KDE).screen_lock == "unknown"


# --- Windows and macOS -----------------------------------------------------------------------------

BDE = """BitLocker Drive Encryption: Configuration Tool version 10.0.19041
Volume C: [OS]
[OS Volume]

    Size:                 237.85 GB
    BitLocker Version:    2.0
    Conversion Status:    Fully Encrypted
    Percentage Encrypted: 100.0%
    Encryption Method:    XTS-AES 128
    Protection Status:    Protection {}
    Lock Status:          Unlocked
"""


@pytest.mark.parametrize(("state", "expected"), [("On", "yes"), ("Off", "no")])
def test_windows_bitlocker(tmp_path: Path, state: str, expected: str) -> None:
    run = FakeRun({("manage-bde", "-status"): ok(BDE.format(state))})
    report = check_device(tmp_path, run=run, platform="win32")
    assert report.disk_encrypted == expected
    assert report.screen_lock == "unknown"
    assert run.calls[0] == ["manage-bde", "-status", "C:"]
    assert (ADVICE_ENCRYPT_WINDOWS in report.advice) == (expected == "no")


@pytest.mark.parametrize(
    "answer",
    [
        ok("ERROR: An attempt to access a required resource was denied.", code=1),
        ok(BDE.format("Unknown")),
        PermissionError("denied"),
        FileNotFoundError("manage-bde"),
    ],
)
def test_windows_unreadable_is_unknown(tmp_path: Path, answer: Any) -> None:
    report = check_device(tmp_path, run=FakeRun({("manage-bde",): answer}), platform="win32")
    assert report.disk_encrypted == "unknown"


@pytest.mark.parametrize(
    ("fdesetup", "expected"),
    [("FileVault is On.\n", "yes"), ("FileVault is Off.\n", "no"), ("Something else\n", "unknown")],
)
def test_macos_filevault(tmp_path: Path, fdesetup: str, expected: str) -> None:
    run = FakeRun({("fdesetup", "status"): ok(fdesetup)})
    report = check_device(tmp_path, run=run, platform="darwin")
    assert report.disk_encrypted == expected
    assert (ADVICE_ENCRYPT_MACOS in report.advice) == (expected == "no")


@pytest.mark.parametrize(
    ("stderr", "expected"),
    [
        ("2024-01-01 sysadminctl[123:456] screenLock delay is 300 seconds\n", "yes"),
        ("2024-01-01 sysadminctl[123:456] screenLock delay is immediate\n", "yes"),
        ("2024-01-01 sysadminctl[123:456] screenLock is off\n", "no"),
        ("", "unknown"),
    ],
)
def test_macos_screen_lock(tmp_path: Path, stderr: str, expected: str) -> None:
    run = FakeRun({("fdesetup",): ok("FileVault is On.\n"), ("sysadminctl",): ok("", stderr)})
    assert check_device(tmp_path, run=run, platform="darwin").screen_lock == expected


def test_macos_without_sysadminctl_is_unknown(tmp_path: Path) -> None:
    run = FakeRun({("fdesetup",): ok("FileVault is On.\n")})
    assert check_device(tmp_path, run=run, platform="darwin").screen_lock == "unknown"


def test_other_platform_is_unknown(tmp_path: Path) -> None:
    report = check_device(tmp_path, run=FakeRun({}), platform="freebsd14")
    assert (report.disk_encrypted, report.screen_lock) == ("unknown", "unknown")


@pytest.mark.parametrize(("platform", "windowless"), [("win32", True), ("darwin", False), ("linux", False)])
def test_only_on_windows_the_tools_run_without_a_console_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str, windowless: bool
) -> None:
    # A windowed casevault.exe would flash a console window for manage-bde without
    # CREATE_NO_WINDOW, which only Windows' subprocess has: its value stands in for it here.
    monkeypatch.setattr(subprocess, "CREATE_NO_WINDOW", 0x08000000, raising=False)
    seen: list[dict[str, Any]] = []

    def run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        seen.append(kwargs)
        return ok(BDE.format("On"))

    check_device(tmp_path, run=run, platform=platform, env=GNOME)
    assert seen
    assert [kwargs.get("creationflags") for kwargs in seen] == [0x08000000 if windowless else None] * len(
        seen
    )


def test_an_unencrypted_disk_elsewhere_gets_the_general_advice() -> None:
    # check_device reports every disk as unknown on other systems; the advice for "no" is there
    # for when one of them learns to tell.
    advice = device_check._advice("no", "yes", "freebsd14")
    assert device_check.ADVICE_ENCRYPT_OTHER in advice
    assert not {ADVICE_ENCRYPT_LINUX, ADVICE_ENCRYPT_MACOS, ADVICE_ENCRYPT_WINDOWS} & set(advice)


# --- every report ---------------------------------------------------------------------------------


def all_reports(tmp_path: Path) -> list[DeviceReport]:
    vault = tmp_path / "Jane Doe grievance" / "vault.db"
    answers: dict[tuple[str, ...], Any] = {
        ("findmnt",): findmnt("/dev/sda2", "ext4"),
        ("lsblk",): PLAIN_PART,
        **gsettings("false"),
        ("manage-bde",): ok(BDE.format("Off")),
        ("fdesetup",): ok("FileVault is Off.\n"),
        ("sysadminctl",): ok("", "screenLock is off"),
    }
    return [
        check_device(vault, run=FakeRun(answers), platform=platform, env=GNOME)
        for platform in ("linux", "win32", "darwin", "freebsd14")
    ] + [check_device(vault, run=FakeRun({}), platform="linux", env=GNOME)]


def test_reports_never_contain_the_path_or_device(tmp_path: Path) -> None:
    for report in all_reports(tmp_path):
        strings = [report.disk_detail, report.screen_lock_detail, *report.advice]
        for text in strings:
            assert str(tmp_path) not in text
            assert "Jane" not in text
            assert "vault.db" not in text
            assert "sda" not in text
            assert "/" not in text.replace("dm-crypt/LUKS", "")
        assert report.advice[-1] == ADVICE_VAULT_LOCKS
        assert {report.disk_encrypted, report.screen_lock} <= VALUES


def test_report_is_frozen(tmp_path: Path) -> None:
    report = all_reports(tmp_path)[0]
    with pytest.raises(AttributeError):
        report.disk_encrypted = "yes"  # type: ignore[misc]


# --- this machine ---------------------------------------------------------------------------------


def test_real_run_on_this_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # use the real fscrypt probe too
    report = check_device(tmp_path / "vault.db")
    assert isinstance(report, DeviceReport)
    assert report.disk_encrypted in VALUES
    assert report.screen_lock in VALUES
    assert report.disk_detail
    assert report.screen_lock_detail
    assert report.advice
    assert all(str(tmp_path) not in text for text in [report.disk_detail, *report.advice])
