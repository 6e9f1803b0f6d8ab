"""Checks a Cocoon client's OpenAI-compatible API with the official `openai` client. Run it via Tools/openai-smoke."""

import argparse
import json
import os
import sys

import openai

failures = []
usages = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def check_usage(usage, where):
    check(usage is not None, f"{where}: usage present")
    if usage is None:
        return
    usages.append(usage.model_dump())
    check(usage.prompt_tokens > 0 and usage.completion_tokens >= 0, f"{where}: token counts are plausible")
    check(usage.total_tokens == usage.prompt_tokens + usage.completion_tokens, f"{where}: total = prompt + completion")
    cached = usage.prompt_tokens_details.cached_tokens
    reasoning = usage.completion_tokens_details.reasoning_tokens
    check(0 <= cached <= usage.prompt_tokens, f"{where}: cached_tokens within prompt_tokens ({cached})")
    check(
        0 <= reasoning <= usage.completion_tokens, f"{where}: reasoning_tokens within completion_tokens ({reasoning})"
    )


def check_same_text(streamed, whole, usage, where):
    """At temperature 0 the streamed text equals the whole one, unless the second request reused the first one's
    prompt from the KV cache (cached_tokens > 0): then its last prompt tokens ran through other kernels, and a
    near-tie between two tokens may go the other way (llama.cpp behaves the same)."""
    cached = usage.prompt_tokens_details.cached_tokens if usage is not None else 0
    if cached > 0 and streamed != whole:
        print(f"note {where}: text differs from the whole completion after a prefix-cache hit ({cached} tokens)")
        return
    check(streamed == whole, f"{where}: same text as the whole completion (temperature 0)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url", help="the API's base URL, ending in /v1")
    parser.add_argument("--model", help="the model to use (default: the first listed)")
    parser.add_argument("--usage-file", help="write the usage of every answered request here (JSON list)")
    args = parser.parse_args()
    client = openai.OpenAI(
        base_url=args.base_url, api_key=os.environ.get("OPENAI_API_KEY") or "none", max_retries=0, timeout=60
    )
    print(f"openai {openai.__version__} against {args.base_url}")

    models = client.models.list().data
    check(len(models) > 0 and all(m.object == "model" and m.owned_by == "cocoon" for m in models), "models listed")
    model = args.model or models[0].id
    check(client.models.retrieve(model).id == model, "model retrieved by id")
    messages = [{"role": "user", "content": "Say hello."}]

    whole = client.chat.completions.create(model=model, messages=messages, max_tokens=16, temperature=0)
    check(whole.object == "chat.completion" and whole.id.startswith("chatcmpl-"), "chat: object and id")
    check(whole.model == model and len(whole.choices) == 1, "chat: model and one choice")
    choice = whole.choices[0]
    check(choice.message.role == "assistant" and isinstance(choice.message.content, str), "chat: assistant message")
    check(choice.finish_reason in ("stop", "length"), f"chat: finish_reason {choice.finish_reason}")
    check_usage(whole.usage, "chat")

    chunks = list(
        client.chat.completions.create(
            model=model, messages=messages, max_tokens=16, temperature=0, stream=True,
            stream_options={"include_usage": True},
        )
    )
    check(all(c.object == "chat.completion.chunk" for c in chunks), "chat stream: chunk objects")
    check(len({c.id for c in chunks}) == 1, "chat stream: one id")
    check(chunks[0].choices[0].delta.role == "assistant", "chat stream: first chunk names the role")
    finishes = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
    check(finishes in (["stop"], ["length"]), f"chat stream: one finish_reason {finishes}")
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    check_same_text(text, choice.message.content, chunks[-1].usage, "chat stream")
    check(chunks[-1].choices == [], "chat stream: last chunk has no choices")
    check_usage(chunks[-1].usage, "chat stream")
    check(all(c.usage is None for c in chunks[:-1]), "chat stream: usage only in the last chunk")

    completion = client.completions.create(model=model, prompt="Once upon a time", max_tokens=8, temperature=0)
    check(completion.object == "text_completion" and completion.id.startswith("cmpl-"), "completion: object and id")
    check(isinstance(completion.choices[0].text, str), "completion: text")
    check(completion.choices[0].finish_reason in ("stop", "length"), "completion: finish_reason")
    check_usage(completion.usage, "completion")

    pieces = list(
        client.completions.create(
            model=model, prompt="Once upon a time", max_tokens=8, temperature=0, stream=True,
            stream_options={"include_usage": True},
        )
    )
    streamed = "".join(p.choices[0].text for p in pieces if p.choices)
    check_same_text(streamed, completion.choices[0].text, pieces[-1].usage, "completion stream")
    check_usage(pieces[-1].usage, "completion stream")

    try:
        client.chat.completions.create(model="no-such-model-xyz", messages=messages, max_tokens=4)
        check(False, "unknown model: refused")
    except openai.NotFoundError as error:
        check(error.status_code == 404 and error.code == "model_not_found", "unknown model: 404 model_not_found")

    try:
        client.chat.completions.create(model=model, messages=messages, n=2)
        check(False, "n=2: refused")
    except openai.BadRequestError as error:
        check(error.status_code == 400 and error.type == "invalid_request_error", "n=2: 400 invalid_request_error")

    if args.usage_file:
        with open(args.usage_file, "w") as out:
            json.dump(usages, out)
    print(f"{len(failures)} failed" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
