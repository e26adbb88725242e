"""Decoder-only chat models (Qwen2.5-Instruct, Llama, SmolLM2…) driven by prompt templates.

The claims prompt is run on each chunk of the article and, for a long article,
again on the joined partial lists; the headline prompt on the article (or on
the final list when the article needed several chunks).
"""

from __future__ import annotations

from summarise.chunking import map_reduce
from summarise.models.generation import Draft, Generator
from summarise.models.prompts import Prompts, clean_headline, parse_list

TOKENS_PER_CLAIM = 48
HEADLINE_TOKENS = 24


class InstructModel(Generator):
    auto_class = "AutoModelForCausalLM"
    engine = "instruct"
    padding_side = "left"  # decoder-only: generation continues from the right edge

    def chat(self, prompts: list[str], max_new_tokens: int) -> list[str]:
        rendered = [
            self.tokenizer.apply_chat_template(
                [{"role": "user", "content": prompt}], add_generation_prompt=True, tokenize=False
            )
            for prompt in prompts
        ]
        return self.generate(rendered, max_new_tokens, add_special_tokens=False)

    def _new_tokens(self, generated, prompt_length: int):  # type: ignore[no-untyped-def]
        return generated[:, prompt_length:]

    def _overhead(self, prompts: Prompts, name: str, count: int) -> int:
        """Tokens the chat template and instructions take around the article."""
        empty = self.tokenizer.apply_chat_template(
            [{"role": "user", "content": prompts.render(name, "", count)}],
            add_generation_prompt=True, tokenize=False,
        )
        return self.count_tokens(empty)

    def draft(self, text: str, count: int, prompts: Prompts) -> Draft:
        # Answers stay under a quarter of the context, so that map-reduce always converges.
        answer_tokens = min(TOKENS_PER_CLAIM * count, self.input_limit // 4)
        budget = self.input_limit - self._overhead(prompts, "claims", count) - answer_tokens

        def claims_step(pieces: list[str]) -> list[str]:
            return self.chat([prompts.render("claims", piece, count) for piece in pieces], answer_tokens)

        answer, chunks = map_reduce(text, claims_step, self.count_tokens, budget)
        claims = parse_list(answer)[:count]
        source = text if chunks == 1 else "\n".join(claims)
        headline = clean_headline(self.chat([prompts.render("headline", source)], HEADLINE_TOKENS)[0])
        return Draft(claims, headline or None, chunks)
