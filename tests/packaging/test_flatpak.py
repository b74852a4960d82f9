"""The Flatpak manifest (packaging/flatpak/org.casevault.CaseVault.yml, issue 19 item 7), checked
as far as this machine can without the runtimes: its least-privilege permissions (and that each
D-Bus name is one the code really talks to), the files its build installs, the Python module
generated from the lock (every wheel a locked file, for both architectures), and two real
flatpak tools: flatpak-builder reads the manifest, and flatpak build-finish applies its
permissions to a stand-in build folder (scripts/test installs flatpak-builder, which brings
flatpak). What needs the runtime (the build itself, the app starting in the sandbox, the portal
dialog) is listed as unverified in packaging/README.md."""

from __future__ import annotations

import configparser
import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from casevault.gui import screen_lock
from casevault.host import keychain
from casevault.resources import APP_ID
from tests.support.packaging_tools import load
from tests.support.yaml_subset import loads

ROOT = Path(__file__).resolve().parents[2]
FLATPAK = ROOT / "packaging" / "flatpak"
MANIFEST = FLATPAK / f"{APP_ID}.yml"
MODULES = FLATPAK / "python3-modules.json"

pip_modules = load("pip_modules", "flatpak")


def manifest() -> dict[str, Any]:
    data = loads(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def deps_module() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MODULES.read_text(encoding="utf-8"))
    return data


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: scripts/test installs it (apt: flatpak-builder, which brings flatpak)"
    return path


# ---- identity and permissions ----------------------------------------------------------------


def test_the_app_is_casevault_on_the_current_freedesktop_runtime() -> None:
    data = manifest()
    assert data["id"] == APP_ID
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["command"] in pyproject["project"]["scripts"]
    assert data["runtime"] == "org.freedesktop.Platform"
    assert data["sdk"] == "org.freedesktop.Sdk"
    assert data["runtime-version"] == pip_modules.RUNTIME_VERSION


def test_the_permissions_are_these_and_no_more() -> None:
    assert manifest()["finish-args"] == [
        "--socket=wayland",
        "--socket=fallback-x11",
        "--share=ipc",
        "--talk-name=org.freedesktop.secrets",
        "--talk-name=org.freedesktop.ScreenSaver",
        "--talk-name=org.gnome.ScreenSaver",
        "--system-talk-name=org.freedesktop.login1",
        "--socket=cups",
    ]


@pytest.mark.parametrize(
    "forbidden",
    [
        r"--filesystem=",  # files come through the file chooser portal
        r"--share=network",  # casevault never uses the network
        r"--device=all",
        r"--socket=(x11|session-bus|system-bus|ssh-auth|pulseaudio)$",
        r"--talk-name=org\.freedesktop\.Flatpak$",  # would allow running commands on the host
        r"--own-name=",
        r"--persist=",
        r"--env=",
    ],
)
def test_nothing_broader_is_granted(forbidden: str) -> None:
    assert not [arg for arg in manifest()["finish-args"] if re.match(forbidden, arg)]


def test_each_bus_name_is_one_the_code_talks_to() -> None:
    args = manifest()["finish-args"]
    session = {a.split("=", 1)[1] for a in args if a.startswith("--talk-name=")}
    system = {a.split("=", 1)[1] for a in args if a.startswith("--system-talk-name=")}
    # The screen lock listens for ActiveChanged from these, and for logind's Lock/PrepareForSleep.
    assert set(screen_lock.SCREENSAVERS) <= session
    assert screen_lock.MANAGER_INTERFACE.rsplit(".", 1)[0] == "org.freedesktop.login1"
    assert system == {"org.freedesktop.login1"}
    # The vault's key: keyring's Secret Service backend, one of the OS keychains casevault accepts.
    assert "keyring.backends.SecretService.Keyring" in keychain.OS_BACKENDS
    assert session == {*screen_lock.SCREENSAVERS, "org.freedesktop.secrets"}


# ---- what the build installs -------------------------------------------------------------------


def test_the_modules_are_the_locked_dependencies_then_casevault() -> None:
    first, app = manifest()["modules"]
    assert first == MODULES.name
    assert app["name"] == "casevault"
    assert app["buildsystem"] == "simple"
    assert app["sources"] == [
        {
            "type": "dir",
            "path": "../..",
            "skip": [".venv", ".venv-tools", "build", "dist", ".git", ".flatpak-builder"],
        }
    ]
    assert (FLATPAK / app["sources"][0]["path"]).resolve() == ROOT
    pip = app["build-commands"][0]
    assert pip.startswith("pip3 install ") and pip.endswith(" --prefix=${FLATPAK_DEST} .")
    assert {"--no-index", "--no-deps", "--no-build-isolation"} <= set(pip.split())


def test_the_desktop_files_it_installs_are_in_the_repository() -> None:
    commands = manifest()["modules"][1]["build-commands"][1:]
    installed = {}
    for command in commands:
        words = command.split()
        if words[:2] == ["install", "-Dm644"]:
            assert words[2] == "-t"
            installed[words[4]] = words[3]
    assert installed == {
        f"src/casevault/resources/applications/{APP_ID}.desktop": "${FLATPAK_DEST}/share/applications",
        f"src/casevault/resources/metainfo/{APP_ID}.metainfo.xml": "${FLATPAK_DEST}/share/metainfo",
        f"src/casevault/resources/mime/packages/{APP_ID}.xml": "${FLATPAK_DEST}/share/mime/packages",
    }
    for source in installed:
        assert (ROOT / source).is_file(), source
    assert "cp -r src/casevault/resources/icons/hicolor ${FLATPAK_DEST}/share/icons/" in commands
    assert (ROOT / "src/casevault/resources/icons/hicolor").is_dir()


# ---- the Python module generated from the lock -------------------------------------------------


def locked_pins() -> list[Any]:
    pins = pip_modules.parse_lock((ROOT / "requirements" / "run.lock").read_text(encoding="utf-8"))
    return [p for p in pins if any(pip_modules.applies(p, arch) for arch in pip_modules.ARCHES)]


def test_the_lock_is_read_with_the_flatpaks_markers() -> None:
    names = {pin.name for pin in locked_pins()}
    assert {"pyside6-essentials", "pyside6-pdf", "sqlcipher3", "keyring", "secretstorage", "jeepney"} <= names
    # Python 3.13 on Linux: no Windows package, no backport for older Pythons.
    assert not names & {"pywin32-ctypes", "backports-tarfile", "importlib-metadata", "zipp", "lazy-importer"}
    assert "typing-extensions" not in names  # python_full_version < '3.13'
    everything = pip_modules.parse_lock((ROOT / "requirements" / "run.lock").read_text(encoding="utf-8"))
    assert all(pin.hashes for pin in everything)


def wheel_name(url: str) -> tuple[str, str, str]:
    """(canonical name, version, tags) from a wheel's file name."""
    stem = url.rsplit("/", 1)[1].removesuffix(".whl")
    name, version, *tags = stem.split("-")
    return pip_modules.canonical(name), version, "-".join(tags)


def test_every_locked_package_has_a_locked_wheel_for_each_architecture() -> None:
    pins = {pin.name: pin for pin in locked_pins()}
    module = deps_module()
    assert module["name"] == pip_modules.MODULE_NAME and module["buildsystem"] == "simple"
    covered: dict[str, set[str]] = {name: set() for name in pins}
    for source in module["sources"]:
        assert source["type"] == "file"
        assert source["url"].startswith("https://files.pythonhosted.org/packages/")
        name, version, tags = wheel_name(source["url"])
        assert version == pins[name].version, source["url"]
        assert source["sha256"] in pins[name].hashes, f"{source['url']}: not a file the lock lists"
        arches = source.get("only-arches", list(pip_modules.ARCHES))
        assert len(arches) == 1 or tags.endswith("-none-any"), source["url"]
        for arch in arches:
            assert tags.endswith("-none-any") or arch in tags, source["url"]
            assert re.match(r"(py3|py2\.py3|cp3\d+)-(none|abi3|cp313)-", tags), tags
        covered[name].update(arches)
    assert covered == {name: set(pip_modules.ARCHES) for name in pins}


def test_the_module_checks_the_python_then_installs_exactly_the_pins_offline() -> None:
    check, install = deps_module()["build-commands"]
    assert "sys.version_info[:2] != (3, 13)" in check and pip_modules.PYTHON == "3.13"
    words = install.split()
    assert words[:2] == ["pip3", "install"]
    assert {"--no-index", "--no-deps", "--no-build-isolation", "--prefix=${FLATPAK_DEST}"} <= set(words)
    assert sorted(w for w in words if "==" in w) == sorted(pin.requirement() for pin in locked_pins())


def test_the_generator_writes_what_is_committed_given_the_same_answers_from_pip() -> None:
    # The committed module, turned back into the pip reports it came from, must come out the same.
    module = deps_module()
    by_arch: dict[str, list[dict[str, Any]]] = {arch: [] for arch in pip_modules.ARCHES}
    pins = {pin.name: pin for pin in locked_pins()}
    for source in module["sources"]:
        name, version, _tags = wheel_name(source["url"])
        for arch in source.get("only-arches", pip_modules.ARCHES):
            by_arch[arch].append(
                {
                    "metadata": {"name": name, "version": version},
                    "download_info": {
                        "url": source["url"],
                        "archive_info": {"hashes": {"sha256": source["sha256"]}},
                    },
                }
            )
    asked: list[list[str]] = []

    def fake_pip(args: list[str], env: dict[str, str], check: bool) -> None:
        asked.append(args)
        arch = args[args.index("--platform") + 1].rsplit("_", 1)[-1]
        arch = "aarch64" if arch == "aarch64" else "x86_64"
        report = Path(args[args.index("--report") + 1])
        report.write_text(json.dumps({"install": by_arch[arch]}))
        assert env["PIP_CONFIG_FILE"] and not env.get("PIP_FIND_LINKS")  # PyPI only
        assert check

    files = pip_modules.wheel_files(list(pins.values()), run=fake_pip)
    assert pip_modules.render(pip_modules.module(list(pins.values()), files)) == MODULES.read_text(
        encoding="utf-8"
    )
    assert len(asked) == len(pip_modules.ARCHES)
    for args in asked:
        assert {"--dry-run", "--only-binary=:all:", "--no-deps"} <= set(args)
        assert args[args.index("--index-url") + 1] == "https://pypi.org/simple"
        assert args[args.index("--python-version") + 1] == "3.13"


@pytest.mark.parametrize(
    ("url", "digest", "message"),
    [
        (
            "https://files.pythonhosted.org/packages/aa/six-1.17.0-py2.py3-none-any.whl",
            "0" * 64,
            "does not list",
        ),
        ("file:///opt/wheels/six-1.17.0-py2.py3-none-any.whl", None, "not a wheel on PyPI"),
        ("https://files.pythonhosted.org/packages/aa/six-1.17.0.tar.gz", None, "not a wheel on PyPI"),
    ],
    ids=["unlocked-file", "local-file", "sdist"],
)
def test_the_generator_refuses_a_file_the_lock_does_not_vouch_for(
    url: str, digest: str | None, message: str
) -> None:
    six = next(pin for pin in locked_pins() if pin.name == "six")
    answer = {
        "metadata": {"name": "six", "version": six.version},
        "download_info": {
            "url": url,
            "archive_info": {"hashes": {"sha256": digest or next(iter(six.hashes))}},
        },
    }

    def fake_pip(args: list[str], env: dict[str, str], check: bool) -> None:
        Path(args[args.index("--report") + 1]).write_text(json.dumps({"install": [answer]}))

    with pytest.raises(SystemExit, match=message):
        pip_modules.wheel_files([six], run=fake_pip)


# ---- the real flatpak tools ----------------------------------------------------------------------


def test_flatpak_builder_reads_the_manifest_as_this_test_does(tmp_path: Path) -> None:
    # Run in tmp_path: even --show-manifest makes its state folder (.flatpak-builder) where it runs.
    result = subprocess.run(
        [tool("flatpak-builder"), "--show-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower(), result.stderr
    shown = json.loads(result.stdout)
    mine = manifest()
    assert shown["finish-args"] == mine["finish-args"]
    assert shown["id"] == mine["id"] and shown["command"] == mine["command"]
    deps, app = shown["modules"]  # the module file is read in
    assert deps["name"] == pip_modules.MODULE_NAME
    assert len(deps["sources"]) == len(deps_module()["sources"])
    assert app["build-commands"] == mine["modules"][1]["build-commands"]


def test_flatpak_build_finish_grants_exactly_these_permissions_and_exports_the_desktop_files(
    tmp_path: Path,
) -> None:
    # A stand-in for what flatpak-builder builds: the casevault module's install commands run
    # into files/, then build-finish applies the manifest's finish-args and exports.
    build = tmp_path / "build"
    (build / "files" / "bin").mkdir(parents=True)
    (build / "var").mkdir()
    (build / "files" / "bin" / "casevault").write_text("#!/bin/sh\n")
    (build / "files" / "bin" / "casevault").chmod(0o755)
    version = pip_modules.RUNTIME_VERSION
    (build / "metadata").write_text(
        f"[Application]\nname={APP_ID}\nruntime=org.freedesktop.Platform/x86_64/{version}\n"
        f"sdk=org.freedesktop.Sdk/x86_64/{version}\n"
    )
    data = manifest()
    env = {"FLATPAK_DEST": str(build / "files"), "PATH": "/usr/bin:/bin"}
    for command in data["modules"][1]["build-commands"][1:]:
        subprocess.run(["sh", "-c", command], cwd=ROOT, env=env, check=True)
    result = subprocess.run(
        [tool("flatpak"), "build-finish", str(build), f"--command={data['command']}", *data["finish-args"]],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.optionxform = str  # type: ignore[assignment,method-assign]
    metadata.read(build / "metadata")
    assert metadata["Application"]["command"] == "casevault"
    assert dict(metadata["Context"]) == {"shared": "ipc;", "sockets": "x11;wayland;fallback-x11;cups;"}
    assert "filesystems" not in metadata["Context"] and "devices" not in metadata["Context"]
    assert dict(metadata["Session Bus Policy"]) == {
        "org.gnome.ScreenSaver": "talk",
        "org.freedesktop.ScreenSaver": "talk",
        "org.freedesktop.secrets": "talk",
    }
    assert dict(metadata["System Bus Policy"]) == {"org.freedesktop.login1": "talk"}
    exported = sorted(
        str(p.relative_to(build / "export")) for p in (build / "export").rglob("*") if p.is_file()
    )
    assert f"share/applications/{APP_ID}.desktop" in exported
    assert f"share/mime/packages/{APP_ID}.xml" in exported
    assert f"share/metainfo/{APP_ID}.metainfo.xml" in exported
    assert f"share/icons/hicolor/scalable/apps/{APP_ID}.svg" in exported
    assert len([p for p in exported if p.endswith(f"/apps/{APP_ID}.png")]) == 8
