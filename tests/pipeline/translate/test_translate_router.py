"""The router: engine order per pair, preferences, pivots (also across engines), identity."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from corpus.errors import ConfigError, ModelMissing
from pipeline.translate.apertium import ApertiumEngine
from pipeline.translate.argos import ArgosEngine, install_package
from pipeline.translate.engines import Pair, parse_pair
from pipeline.translate.router import Router, parse_preferences


class FakeEngine:
    """Tags each text with its name and pair, so a route's path shows in the output."""

    def __init__(self, name: str, pairs: dict[Pair, str]) -> None:
        self.name = name
        self._pairs = pairs

    def pairs(self) -> dict[Pair, str]:
        return dict(self._pairs)

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [f"{t}|{self.name}:{source}>{target}" for t in texts]


APERTIUM = FakeEngine("apertium", {("ru", "uk"): "a1", ("uk", "ru"): "a1"})
ARGOS = FakeEngine(
    "argos", {("ru", "uk"): "n1", ("kk", "en"): "k1", ("en", "ru"): "e1", ("ru", "en"): "r1"}
)


def test_apertium_is_first_for_russian_ukrainian_by_default() -> None:
    route = Router([ARGOS, APERTIUM]).route("ru", "uk")
    assert (route.engine, route.model_version, route.pivot) == ("apertium", "a1", None)


def test_a_preference_puts_another_engine_first() -> None:
    router = Router([ARGOS, APERTIUM], parse_preferences("ru-uk=argos"))
    assert router.route("ru", "uk").engine == "argos"
    assert router.route("uk", "ru").engine == "apertium"


def test_an_unknown_engine_in_preferences_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="engine 'deepl' for ru-uk is not one of apertium"):
        Router([APERTIUM], {("ru", "uk"): "deepl"})
    with pytest.raises(ConfigError, match="must look like ru-uk=argos"):
        parse_preferences("ru-uk")


def test_pivot_through_english_is_a_recorded_composite() -> None:
    route = Router([ARGOS, APERTIUM]).route("kk", "ru")
    assert (route.engine, route.model_version, route.pivot) == ("argos>argos", "k1 > e1", "en")
    assert route.translate(["x"]) == ["x|argos:kk>en|argos:en>ru"]
    assert route.describe() == "kk→en→ru (argos>argos)"


def test_pivot_across_engines() -> None:
    route = Router([ARGOS, APERTIUM]).route("uk", "en")
    assert (route.engine, route.pivot) == ("apertium>argos", "ru")
    assert route.translate(["x"]) == ["x|apertium:uk>ru|argos:ru>en"]


def test_same_language_is_identity() -> None:
    route = Router([APERTIUM]).route("ru", "ru")
    assert (route.engine, route.translate(["Текст"])) == ("identity", ["Текст"])


def test_missing_pair_names_the_pair_and_how_to_install() -> None:
    with pytest.raises(ModelMissing) as caught:
        Router([APERTIUM]).route("kk", "ru")
    assert caught.value.what == "A translation package for kk-ru"
    assert str(caught.value) == (
        "A translation package for kk-ru is not installed. Install one with: sekretar models "
        "install FILE.argosmodel (or two packages through English: kk-en and en-ru)"
    )


def test_routes_list_direct_and_pivot_pairs() -> None:
    routes = {f"{r.source}-{r.target}": r.engine for r in Router([ARGOS, APERTIUM]).routes()}
    assert routes["ru-uk"] == "apertium"
    assert routes["en-uk"] == "argos>apertium"
    assert "kk-uk" not in routes  # one pivot at most
    assert "en-kk" not in routes


def test_fingerprint_changes_when_a_model_changes() -> None:
    before = Router([APERTIUM]).fingerprint()
    assert Router([APERTIUM]).fingerprint() == before
    assert Router([FakeEngine("apertium", {("ru", "uk"): "a2"})]).fingerprint() != before


def test_parse_pair_accepts_the_usual_spellings() -> None:
    assert parse_pair("kk-en") == parse_pair("kk_en") == parse_pair("KK→EN") == ("kk", "en")
    with pytest.raises(ConfigError):
        parse_pair("kken")


def test_real_pivot_through_two_argos_packages(
    models: Path, package_files: dict[str, Path]
) -> None:
    install_package(models, package_files["kk-en"])
    install_package(models, package_files["en-ru"])
    engine = ArgosEngine(models)
    route = Router([engine]).route("kk", "ru")
    assert (route.engine, route.pivot) == ("argos>argos", "en")
    assert route.model_version == "translate-kk_en 1.0 > translate-en_ru 1.0"
    out = route.translate(["Қалалық кеңес бекітті.", "Астана"])
    assert len(out) == 2 and all(t.strip() for t in out)


def test_real_engines_route_ukrainian_to_english_through_russian(
    models: Path, package_files: dict[str, Path], apertium: ApertiumEngine
) -> None:
    install_package(models, package_files["ru-en"])
    route = Router([apertium, ArgosEngine(models)]).route("uk", "en")
    assert (route.engine, route.pivot) == ("apertium>argos", "ru")
    assert len(route.translate(["Міська рада затвердила програму."])[0]) > 0


def test_missing_apertium_pair_names_the_debian_package() -> None:
    with pytest.raises(ModelMissing) as caught:
        Router([ARGOS]).route("be", "ru")
    assert str(caught.value) == (
        "A translation package for be-ru is not installed. Install Apertium for it: apt-get "
        "install apertium apertium-bel-rus (or an argos package: sekretar models install "
        "FILE.argosmodel)"
    )


def test_settings_choose_engines_and_device(tmp_path: Path) -> None:
    from pipeline.settings import load_settings
    from pipeline.translate.service import router_for

    environ = {"SEKRETAR_ENGINES": "ru-uk=argos", "SEKRETAR_DEVICE": "cpu"}
    router = router_for(load_settings(environ=environ, data=tmp_path, beam_size=3))
    assert router.preferences == {("ru", "uk"): "argos"}
    argos = next(e for e in router.engines if isinstance(e, ArgosEngine))
    assert (argos.device, argos.beam_size, argos.models) == ("cpu", 3, tmp_path / "models")
    with pytest.raises(ConfigError, match="engine 'deepl' for ru-uk is not one of apertium, argos"):
        router_for(load_settings(environ={"SEKRETAR_ENGINES": "ru-uk=deepl"}, data=tmp_path))


def test_missing_pair_names_the_package_that_completes_a_pivot() -> None:
    with pytest.raises(ModelMissing) as caught:
        Router([APERTIUM]).route("uk", "en")
    assert str(caught.value) == (
        "A translation package for uk-en is not installed. Install one with: sekretar models "
        "install FILE.argosmodel (a package for ru-en is enough: uk→ru goes through apertium)"
    )
    with pytest.raises(ModelMissing, match=r"a package for en-ru is enough: ru→uk goes through"):
        Router([APERTIUM]).route("en", "uk")
    with pytest.raises(ModelMissing, match=r"FILE.argosmodel$"):
        Router([APERTIUM]).route("ru", "en")
