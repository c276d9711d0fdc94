"""Every dataset in sources/registry.py, one case each (as datasette's test_docs does over its
settings): its folder has a PROVENANCE.md, each declared file exists, was read by the build
and logged with the declared as-of date; its publisher, licence and attribution are stated;
its parse and load callables resolve. And the other way: the build logged no file the
registry does not declare."""

from __future__ import annotations

import datetime as dt
import inspect

import pytest

from localnhs.sources import registry

IDS = [d.id for d in registry.DATASETS]


@pytest.fixture(scope="module")
def logged(conn) -> dict[tuple[str, str], dict]:
    from localnhs.store import read

    return {(r["source"], r["file"]): dict(r) for r in read.import_log(conn)}


@pytest.mark.parametrize("dataset_id", IDS)
def test_dataset_is_documented(dataset_id, raw):
    d = registry.dataset(dataset_id)
    # One PROVENANCE.md for the folder, or one beside each file in dated subfolders (nhsuk_sites/2014-02/).
    folders = {(raw / d.id / f.name).parent for f in d.files}
    assert (raw / d.id / "PROVENANCE.md").is_file() or all((f / "PROVENANCE.md").is_file() for f in folders), \
        f"{d.id}: no PROVENANCE.md in the raw folder"
    assert d.title and d.publisher and d.licence, d
    assert d.attribution and set(d.attribution) <= set(registry.STATEMENTS), d.attribution
    # Each licence's own statement: OGL, the Open Parliament Licence, CC BY (mySociety), GDS's MIT notice.
    needs = {"OGL": "ogl", "Open Parliament Licence": "parliament", "CC BY 4.0": "mysociety", "MIT": "gds"}
    known = [key for prefix, key in needs.items() if d.licence.startswith(prefix)]
    assert known, f"{d.id}: licence {d.licence!r} is not one the attribution statements cover"
    assert known[0] in d.attribution, f"{d.id}: a {d.licence} dataset must carry the {known[0]!r} statement"


@pytest.mark.parametrize("dataset_id", IDS)
def test_dataset_files_were_built_with_their_dates(dataset_id, raw, logged):
    d = registry.dataset(dataset_id)
    assert d.files
    for f in d.files:
        assert (raw / d.id / f.name).is_file(), f"{d.id}/{f.name} declared but not in the raw folder"
        dt.date.fromisoformat(f.as_of)
        row = logged.get((d.id, f.name))
        assert row is not None, f"{d.id}/{f.name} is declared but the build did not read it"
        assert row["as_of"] == f.as_of, (f.name, row["as_of"], f.as_of)
        assert row["rows"] > 0 and row["rejects"] <= row["rows"] * 0.01


@pytest.mark.parametrize("dataset_id", IDS)
def test_dataset_callables_resolve(dataset_id):
    d = registry.dataset(dataset_id)
    for target in d.parse + (d.load,):
        fn = registry.resolve(target)
        assert callable(fn) and inspect.signature(fn).parameters, target
    assert {x for x in d.depends if ":" not in x} <= set(IDS), d.depends
    assert {x for x in d.depends if ":" in x} <= set(registry.DERIVED_STEPS + registry.WRITE_STEPS), d.depends
    assert set(d.stages) <= set(registry.WRITE_STEPS), d.stages


@pytest.mark.parametrize("dataset_id", IDS)
def test_dataset_has_its_own_loader(dataset_id):
    """One loader per dataset, and no two datasets share one: adding a dataset is one module
    (store/datasets/<id>.py) or, for the contacts folder and the trust sites, one function."""
    d = registry.dataset(dataset_id)
    others = [o.id for o in registry.DATASETS if o.load == d.load and o.id != d.id]
    assert not others, f"{d.id} shares its loader {d.load} with {others}"
    module, _, name = d.load.partition(":")
    if d.load == registry.own_loader(d.id):
        import importlib.util

        assert importlib.util.find_spec(module) is not None, f"{d.id}: no module {module}"
        assert name == "load"
    # That it reads every file of its dataset: test_dataset_files_were_built_with_their_dates.


def test_build_logged_only_declared_files(logged):
    undeclared = sorted(f"{s}/{f}" for s, f in logged if s not in registry.BY_ID
                        or f not in {x.name for x in registry.BY_ID[s].files})
    assert not undeclared, f"declare these in sources/registry.py: {undeclared}"


def test_build_order_respects_dependencies():
    order = registry.build_order()
    assert set(order) == {d.load for d in registry.DATASETS} | set(registry.DERIVED_STEPS) | set(registry.WRITE_STEPS)
    position = {step: i for i, step in enumerate(order)}
    for d in registry.DATASETS:
        for dep in d.depends:
            before = dep if ":" in dep else registry.BY_ID[dep].load
            assert position[before] < position[d.load], (d.id, dep)
            # Another dataset's shared tables are written before a dataset that reads them.
            if ":" not in dep:
                for stage in set(registry.BY_ID[dep].stages) - set(d.stages):
                    assert position[stage] < position[d.load], (d.id, dep, stage)
        # A shared table is written after every dataset that adds to it.
        for stage in d.stages:
            assert position[d.load] < position[stage], (d.id, stage)
    # The derived step reads what the dataset steps stored; only steps that wait for it come after.
    after = [s for s in order[position[registry.DERIVED] + 1:]]
    deps = registry.step_dependencies()
    assert all(registry.DERIVED in registry._upstream(deps, s) for s in after), after


def test_attribution_lines_cover_every_dataset():
    from localnhs import attribution

    assert attribution.LINES == registry.attribution_lines()
    for d in registry.DATASETS:
        for key in d.attribution:
            assert registry.STATEMENTS[key] in attribution.LINES


def test_update_urls_are_https_for_declared_datasets():
    from localnhs.sources.download import load_urls

    urls = load_urls(None)
    assert urls and set(urls) <= set(IDS)
    assert all(u.startswith("https://") for files in urls.values() for u in files.values())
