"""Greedy generations and tokenizations of the reference model by llama.cpp (llama-cpp-python), as JSON.

Usage: golden-gemma.py MODEL.gguf OUT.json
"""
import json
import sys

import llama_cpp
import numpy as np
from llama_cpp import Llama


def last_logits(llm: Llama) -> np.ndarray:
    """The logits of the last evaluated token (the Python wrapper keeps none unless logits_all)."""
    ptr = llama_cpp.llama_get_logits_ith(llm._ctx.ctx, -1)
    return np.ctypeslib.as_array(ptr, shape=(llm.n_vocab(),)).copy()

PROMPTS = [
    "The capital of France is",
    "Once upon a time, in a small village by the sea,",
    "def fibonacci(n):",
    "Die Geschichte der Stadt Berlin beginnt",
    "Photosynthesis is the process by which",
    "1, 2, 3, 4, 5,",
]

TEXTS = [
    "Hello world",
    " Hello  world\n\nwith   spaces\tand\ttabs ",
    "Größe, Straße und Fuß — über alles.",
    "Le cœur a ses raisons que la raison ne connaît point.",
    "¿Dónde está la biblioteca? ¡Aquí!",
    "Привет, как дела? Всё хорошо.",
    "東京は日本の首都です。今日は良い天気ですね。",
    "我喜欢学习中文和编程。",
    "안녕하세요, 만나서 반갑습니다.",
    "مرحبا بالعالم، كيف حالك؟",
    "שלום עולם",
    "नमस्ते दुनिया, आप कैसे हैं?",
    "สวัสดีครับ ยินดีที่ได้รู้จัก",
    "Emoji: 🙂🚀🎉 and symbols ∑∫√ ≠ ≤ ≥",
    "Code: for (int i = 0; i < n; ++i) { sum += a[i]; }\n",
    "URLs like https://example.com/path?q=1&r=two#frag",
    "Numbers 1234567890 3.14159 -42 1e-6",
    "<start_of_turn>user\nHi<end_of_turn>",
    "\u0000 control \u0007 chars \u001b[0m",
    "a\u0301 vs á (combining accent)",
]


def main() -> None:
    model_path, out_path = sys.argv[1], sys.argv[2]
    llm = Llama(model_path=model_path, n_ctx=1024, n_threads=2, n_batch=512, logits_all=False, verbose=False)
    generations = []
    for prompt in PROMPTS:
        tokens = llm.tokenize(prompt.encode(), add_bos=True, special=False)
        llm.reset()
        llm.eval(tokens)
        first = last_logits(llm)
        top = np.argsort(-first)[:8]
        out = []
        for _ in range(32):
            logits = last_logits(llm)
            token = int(np.argmax(logits))
            if llm.token_eos() == token:
                break
            out.append(token)
            llm.eval([token])
        generations.append({
            "prompt": prompt,
            "promptTokens": tokens,
            "tokens": out,
            "text": llm.detokenize(out).decode("utf-8", errors="replace"),
            "firstTop": [{"token": int(t), "logit": float(first[t])} for t in top],
        })
    tokenizations = []
    for text in TEXTS:
        tokenizations.append({
            "text": text,
            "tokens": llm.tokenize(text.encode(), add_bos=False, special=False),
            "tokensSpecial": llm.tokenize(text.encode(), add_bos=True, special=True),
        })
    result = {
        "tool": f"llama-cpp-python {llama_cpp.__version__}",
        "model": "gemma-3-270m-q4_k_m.gguf",
        "generations": generations,
        "tokenizations": tokenizations,
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
