"""The docs keep up with the code: every command and endpoint is in the generated reference, the committed
reference is what the generator writes today, and every `claimledger ...` command in the guide exists."""

from __future__ import annotations

import importlib.util
import re
import shlex
import sys
from pathlib import Path

import click
import pytest

from claimledger.cli import main

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide.md"
SHELL_FENCES = {"", "sh", "shell", "bash", "console"}


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_reference", ROOT / "scripts" / "gen_reference.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_reference", module)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


@pytest.fixture(scope="module")
def generated() -> dict[Path, str]:
    return gen.generate()


@pytest.fixture(scope="module")
def http_app(tmp_path_factory):
    app = gen.build_app(tmp_path_factory.mktemp("reference"))
    yield app
    app.state.ledger.close()


# ------------------------------------------------------------------ the reference

def test_committed_reference_is_what_the_generator_writes_now(generated):
    problems = [problem for path, text in generated.items() for problem in gen.stale_report(path, text)]
    assert not problems, ("the reference is out of date; run `python scripts/gen_reference.py`:\n"
                          + "\n".join(problems))


def test_every_cli_command_has_a_section_in_the_cli_reference():
    documented = gen.sections(gen.CLI_FILE.read_text(encoding="utf-8"))
    commands = gen.cli_command_names(main)
    assert "claimledger ingest" in commands and "claimledger token create" in commands  # the walk goes deep
    missing = [name for name in commands if name not in documented]
    assert not missing, f"undocumented commands in docs/reference/cli.md: {missing}"


def test_every_option_of_every_command_is_in_its_section():
    documented = gen.sections(gen.CLI_FILE.read_text(encoding="utf-8"))
    missing = [f"{' '.join(path)} {opt}" for path, command in gen.walk_commands(main, ("claimledger",))
               for param in command.params if isinstance(param, click.Option)
               for opt in param.opts if f"`{opt}`" not in documented.get(" ".join(path), "")]
    assert not missing, f"undocumented options in docs/reference/cli.md: {missing}"


def test_every_http_endpoint_and_page_has_a_section_in_the_http_reference(http_app):
    documented = gen.sections(gen.HTTP_FILE.read_text(encoding="utf-8"))
    endpoints = gen.endpoint_names(http_app.openapi(), http_app)
    assert {"GET /api/claims", "POST /api/extract", "GET /", "GET /paste"} <= set(endpoints)
    missing = [name for name in endpoints if name not in documented]
    assert not missing, f"undocumented endpoints in docs/reference/http.md: {missing}"


def test_a_new_command_is_reported_by_name_as_undocumented(tmp_path):
    @click.group()
    def cli() -> None:
        """A stand-in group."""

    @cli.command("old")
    def old() -> None:
        """Was here."""

    committed = tmp_path / "cli.md"
    committed.write_text(gen.render_cli(cli), encoding="utf-8")
    assert gen.stale_report(committed, gen.render_cli(cli)) == []

    @cli.command("brand-new")
    @click.option("--depth", type=int, default=3, help="How deep.")
    def brand_new(depth: int) -> None:
        """Just added."""

    problems = gen.stale_report(committed, gen.render_cli(cli))
    assert any("'claimledger brand-new' is undocumented" in problem for problem in problems), problems
    assert any("'claimledger' is stale" in problem for problem in problems), problems  # its command list grew


def test_a_changed_option_makes_its_command_stale(tmp_path):
    def build(default: int) -> click.Group:
        @click.group()
        def cli() -> None:
            """A stand-in group."""

        @cli.command("run")
        @click.option("--depth", type=int, default=default, help="How deep.")
        def run(depth: int) -> None:
            """Runs."""

        return cli

    committed = tmp_path / "cli.md"
    committed.write_text(gen.render_cli(build(3)), encoding="utf-8")
    problems = gen.stale_report(committed, gen.render_cli(build(4)))
    assert problems == [f"{committed}: 'claimledger run' is stale"]


# ------------------------------------------------------------------ the guide's commands

def shell_commands(markdown: str) -> list[str]:
    """Every `claimledger ...` command in the shell code blocks of a markdown text (continuations joined,
    pipelines and `&&` chains split, a leading `$ ` prompt dropped)."""
    commands = []
    for fence, body in re.findall(r"^```(\w*)\n(.*?)^```", markdown, flags=re.S | re.M):
        if fence not in SHELL_FENCES:
            continue
        joined = re.sub(r"\s*\\\n\s*", " ", body)
        for line in joined.splitlines():
            line = line.strip().removeprefix("$ ")
            for segment in re.split(r"\s*(?:\|\||&&|\||;)\s*", line):
                if segment.startswith("claimledger "):
                    commands.append(segment)
    return commands


def command_problem(line: str, group: click.Group = main) -> str | None:
    """Why `line` is not a valid claimledger command (unknown command or option), or None when it is."""
    words = shlex.split(line, comments=True)[1:]
    command: click.Command = group
    name = ["claimledger"]
    while isinstance(command, click.Group) and words and not words[0].startswith("-"):
        if words[0] not in command.commands:
            return f"{' '.join(name)} has no command {words[0]!r}"
        name.append(words.pop(0))
        command = command.commands[name[-1]]
    if isinstance(command, click.Group) and not {"-h", "--help", "--version"} & set(words):
        return f"{' '.join(name)} needs a subcommand"
    known = {opt for param in command.params if isinstance(param, click.Option)
             for opt in (*param.opts, *param.secondary_opts)} | {"-h", "--help"}
    for word in words:
        option = word.split("=", 1)[0]
        if option.startswith("-") and option != "-" and option not in known:
            return f"{' '.join(name)} has no option {option!r}"
    return None


@pytest.mark.parametrize(("line", "problem"), [
    ("claimledger ingest examples --db /tmp/x.db", None),
    ("claimledger token create --name me", None),
    ("claimledger extract - --format=table", None),
    ("claimledger --help", None),
    ("claimledger ingets examples", "claimledger has no command 'ingets'"),
    ("claimledger token mint", "claimledger token has no command 'mint'"),
    ("claimledger token", "claimledger token needs a subcommand"),
    ("claimledger query --colour red", "claimledger query has no option '--colour'"),
])
def test_command_checker_tells_real_commands_from_made_up_ones(line, problem):
    assert command_problem(line) == problem


def test_shell_commands_are_found_in_fences_pipes_and_continuations():
    text = ("Intro `claimledger nothing` inline.\n\n```shell\n$ claimledger ingest a \\\n    --db x.db\n"
            "cat f | claimledger check - && claimledger stats\n```\n\n```json\n{\"claimledger x\": 1}\n```\n")
    expected = ["claimledger ingest a --db x.db", "claimledger check -", "claimledger stats"]
    assert shell_commands(text) == expected


def test_every_claimledger_command_in_the_guide_exists():
    commands = shell_commands(GUIDE.read_text(encoding="utf-8"))
    assert len(commands) >= 8, "the guide should walk through extract, ingest, check, query, export, serve"
    problems = [f"{line}: {problem}" for line in commands if (problem := command_problem(line))]
    assert not problems, "docs/guide.md names commands or options that do not exist:\n" + "\n".join(problems)


def test_the_guide_walks_every_stage():
    stages = {line.split()[1] for line in shell_commands(GUIDE.read_text(encoding="utf-8"))}
    assert {"extract", "ingest", "check", "query", "export", "serve"} <= stages, stages


# ------------------------------------------------------------------ links and the claim record

DOCS = ROOT / "docs"


@pytest.mark.parametrize("page", ["guide.md", "index.md", "reference/cli.md", "reference/http.md"])
def test_relative_links_and_images_point_at_files_that_exist(page):
    text = (DOCS / page).read_text(encoding="utf-8")
    targets = [target.split("#")[0] for target in re.findall(r"\]\(([^)\s]+)\)", text)
               if not target.startswith(("http://", "https://", "#", "mailto:"))]
    missing = [target for target in targets if target and not (DOCS / page).parent.joinpath(target).exists()]
    assert not missing, f"docs/{page} links to files that do not exist: {missing}"


def test_guide_screenshots_exist_and_are_small_pngs():
    images = re.findall(r"!\[[^\]]+\]\((images/[^)]+)\)", GUIDE.read_text(encoding="utf-8"))
    assert len(images) >= 5
    for image in images:
        data = (DOCS / image).read_bytes()
        assert data.startswith(b"\x89PNG"), image
        assert len(data) < 250_000, f"{image} is {len(data):,} bytes"


def test_every_field_of_the_claim_record_is_described_in_the_schema_page():
    from dataclasses import fields

    from claimledger.models import Check, Claim, Source

    schema = (DOCS / "reference" / "claim-schema.md").read_text(encoding="utf-8")
    described = set(re.findall(r"^\| (\w+) \|", schema, flags=re.M)) | set(re.findall(r"`(\w+)`", schema))
    in_braces = re.findall(r"\{([\w, ]+)\}", schema)  # "each `{kind, result, detail}`"
    described |= {word for braces in in_braces for word in re.findall(r"\w+", braces)}
    names = {f.name for model in (Claim, Source, Check) for f in fields(model)}
    missing = sorted(names - described)
    assert not missing, f"docs/reference/claim-schema.md does not describe: {missing}"


# ------------------------------------------------------------------ the screenshot script still works

CHROMIUM = "/usr/bin/chromium"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"Debian's chromium is not installed at {CHROMIUM}")
def test_screenshot_script_shoots_every_view_the_guide_shows(tmp_path):
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts" / "screenshots.py")
    screenshots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(screenshots)

    out = tmp_path / "images"
    assert screenshots.main(["--out", str(out), "--workdir", str(tmp_path / "work")]) == 0
    shown = set(re.findall(r"\]\(images/([^)]+)\)", GUIDE.read_text(encoding="utf-8")))
    made = {path.name for path in out.glob("*.png")}
    assert shown == made, f"the guide shows {sorted(shown)}, the script makes {sorted(made)}"
    for path in out.glob("*.png"):
        assert path.read_bytes().startswith(b"\x89PNG") and path.stat().st_size > 10_000, path.name
