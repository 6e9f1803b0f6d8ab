"""llama.cpp's prefill and decode speed on the same file, prompt and thread count (one JSON line).

Usage: llama_bench.py MODEL THREADS PROMPT_TOKENS DECODE_TOKENS
"""
import json
import sys
import time

import llama_cpp
import numpy as np
from llama_cpp import Llama


def last_logits(llm: Llama) -> np.ndarray:
    ptr = llama_cpp.llama_get_logits_ith(llm._ctx.ctx, -1)
    return np.ctypeslib.as_array(ptr, shape=(llm.n_vocab(),))


def bench_prompt(count: int, vocabulary: int) -> list:
    x, out = 12345, [2]
    while len(out) < count:
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64) % (1 << 63)
        out.append(1000 + (x >> 33) % min(20000, vocabulary - 1000))
    return out


def main() -> None:
    path, threads, n_prompt, n_decode = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    llm = Llama(model_path=path, n_ctx=n_prompt + n_decode + 16, n_batch=n_prompt, n_ubatch=n_prompt,
                n_threads=threads, n_threads_batch=threads, verbose=False)
    prompt = bench_prompt(n_prompt, llm.n_vocab())
    start = time.perf_counter()
    llm.eval(prompt)
    prefill = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(n_decode):
        llm.eval([int(np.argmax(last_logits(llm)))])
    decode = time.perf_counter() - start
    print(json.dumps({"engine": "llama.cpp", "prefill_tok_s": n_prompt / prefill, "decode_tok_s": n_decode / decode}))


if __name__ == "__main__":
    main()
