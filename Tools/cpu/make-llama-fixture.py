"""Writes a small llama-architecture GGUF with random weights in several tensor types (deterministic: fixed
seed) and llama.cpp's logits for a fixed token sequence on it.

Usage: make-llama-fixture.py OUT.gguf OUT-logits.json
       make-llama-fixture.py OUT.gguf -      (the GGUF only, without llama.cpp: what Tools/fetch-test-fixtures runs)
Types: F32, F16, Q8_0, Q4_0, Q5_0 (quantized with the gguf package), Q4_K, Q5_K, Q6_K (random valid blocks).
"""
import json
import sys

import numpy as np
import gguf
from gguf import GGMLQuantizationType as T

EMBD, HEADS, KV_HEADS, FFN, LAYERS, VOCAB = 256, 4, 2, 512, 2, 384
HEAD_DIM = EMBD // HEADS
rng = np.random.default_rng(20261128)

LAYER_TYPES = [
    {"attn_q": T.Q4_0, "attn_k": T.Q5_0, "attn_v": T.Q8_0, "attn_output": T.F16,
     "ffn_gate": T.Q4_K, "ffn_up": T.Q5_K, "ffn_down": T.Q6_K},
    {"attn_q": T.Q4_K, "attn_k": T.F32, "attn_v": T.Q6_K, "attn_output": T.Q5_0,
     "ffn_gate": T.Q8_0, "ffn_up": T.Q4_0, "ffn_down": T.Q5_K},
]
BLOCK_BYTES = {T.Q4_K: 144, T.Q5_K: 176, T.Q6_K: 210}


def half(x: float) -> bytes:
    return np.array([x], dtype=np.float16).tobytes()


def random_kquant(kind, rows: int, cols: int) -> np.ndarray:
    """Random but well-formed K-quant blocks whose values have a standard deviation near 1/sqrt(cols)."""
    n = rows * cols // 256
    raw = rng.integers(0, 256, size=(n, BLOCK_BYTES[kind]), dtype=np.uint8)
    scale = 1.0 / np.sqrt(cols)
    for b in range(n):
        if kind == T.Q6_K:
            raw[b, 192:208] = rng.integers(-32, 32, size=16).astype(np.int8).view(np.uint8)
            raw[b, 208:210] = np.frombuffer(half(scale / 32 / 16), dtype=np.uint8)
        else:
            levels = 16 if kind == T.Q4_K else 32
            raw[b, 0:2] = np.frombuffer(half(scale / levels / 16), dtype=np.uint8)
            raw[b, 2:4] = np.frombuffer(half(scale / 32), dtype=np.uint8)
    return raw.reshape(rows, cols // 256 * BLOCK_BYTES[kind])


def tensor(writer, name: str, kind, rows: int, cols: int) -> None:
    if kind in BLOCK_BYTES:
        writer.add_tensor(name, random_kquant(kind, rows, cols), raw_dtype=kind)
        return
    data = rng.normal(0, 1 / np.sqrt(cols), size=(rows, cols)).astype(np.float32)
    if kind == T.F32:
        writer.add_tensor(name, data)
    elif kind == T.F16:
        writer.add_tensor(name, data.astype(np.float16))
    else:
        writer.add_tensor(name, gguf.quants.quantize(data, kind), raw_dtype=kind)


def norm(writer, name: str, n: int) -> None:
    writer.add_tensor(name, (1 + 0.1 * rng.normal(size=n)).astype(np.float32))


def vocabulary():
    tokens, scores, types = ["<unk>", "<s>", "</s>"], [0.0, 0.0, 0.0], [2, 3, 3]
    for b in range(256):
        tokens.append(f"<0x{b:02X}>")
        scores.append(0.0)
        types.append(6)
    letters = "abcdefghijklmnopqrstuvwxyz"
    extra = ["\u2581" + c for c in letters] + [c + d for c in "etaoin" for d in "nsrhl"]
    extra += ["\u2581the", "\u2581and", "ing", "ion", "\u2581of", "\u2581to"]
    while len(tokens) + len(extra) > VOCAB:
        extra.pop()
    for i, piece in enumerate(extra):
        tokens.append(piece)
        scores.append(-float(i))
        types.append(1)
    while len(tokens) < VOCAB:
        tokens.append(f"<extra{len(tokens)}>")
        scores.append(-1000.0)
        types.append(4)
    return tokens, scores, types


def main() -> None:
    out_gguf, out_json = sys.argv[1], sys.argv[2]
    w = gguf.GGUFWriter(out_gguf, "llama")
    w.add_name("cocoon-llama-random")
    w.add_context_length(512)
    w.add_embedding_length(EMBD)
    w.add_block_count(LAYERS)
    w.add_feed_forward_length(FFN)
    w.add_head_count(HEADS)
    w.add_head_count_kv(KV_HEADS)
    w.add_rope_dimension_count(HEAD_DIM)
    w.add_rope_freq_base(10000.0)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_file_type(1)
    tokens, scores, types = vocabulary()
    w.add_tokenizer_model("llama")
    w.add_token_list(tokens)
    w.add_token_scores(scores)
    w.add_token_types(types)
    w.add_bos_token_id(1)
    w.add_eos_token_id(2)
    w.add_unk_token_id(0)
    w.add_add_bos_token(True)

    tensor(w, "token_embd.weight", T.Q8_0, VOCAB, EMBD)
    norm(w, "output_norm.weight", EMBD)
    tensor(w, "output.weight", T.Q6_K, VOCAB, EMBD)
    kv = KV_HEADS * HEAD_DIM
    for i, kinds in enumerate(LAYER_TYPES):
        p = f"blk.{i}."
        norm(w, p + "attn_norm.weight", EMBD)
        tensor(w, p + "attn_q.weight", kinds["attn_q"], EMBD, EMBD)
        tensor(w, p + "attn_k.weight", kinds["attn_k"], kv, EMBD)
        tensor(w, p + "attn_v.weight", kinds["attn_v"], kv, EMBD)
        tensor(w, p + "attn_output.weight", kinds["attn_output"], EMBD, EMBD)
        norm(w, p + "ffn_norm.weight", EMBD)
        tensor(w, p + "ffn_gate.weight", kinds["ffn_gate"], FFN, EMBD)
        tensor(w, p + "ffn_up.weight", kinds["ffn_up"], FFN, EMBD)
        tensor(w, p + "ffn_down.weight", kinds["ffn_down"], EMBD, FFN)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    if out_json == "-":
        return

    from llama_cpp import Llama
    import llama_cpp
    llm = Llama(model_path=out_gguf, n_ctx=128, n_threads=2, logits_all=True, verbose=False)
    sequence = [1] + [int(t) for t in np.random.default_rng(7).integers(3, VOCAB, size=23)]
    llm.eval(sequence)
    logits = [[round(float(x), 5) for x in llm.scores[i]] for i in range(len(sequence))]
    decode = []
    for step in range(4):  # then a few single-token (matrix-vector) steps
        token = int(np.argmax(llm.scores[llm.n_tokens - 1]))
        llm.eval([token])
        decode.append({"token": token, "logits": [round(float(x), 5) for x in llm.scores[llm.n_tokens - 1]]})
    with open(out_json, "w") as f:
        json.dump({"tool": f"llama-cpp-python {llama_cpp.__version__}", "tokens": sequence, "logits": logits,
                   "decode": decode}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
