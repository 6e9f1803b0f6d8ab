"""Cross-check tool (llama.cpp via llama-cpp-python): compares the CPU engine's intermediate tensors with llama.cpp's,
tensor by tensor, for the prefill of one prompt, and names the first one that differs.

  COCOON_CPU_TRACE=/tmp/ours swift run cpu-generate --model M --prompt "P" --max-tokens 1
  .tools/llama-venv/bin/python Tools/cpu/trace-compare.py M "P" /tmp/ours

llama.cpp's tensors come from its eval callback (cb_eval) on the same tokens (BOS + prompt, one batch).
Engine names: attn_norm-L, Qcur-L / Kcur-L / Vcur-L (projections), Krope-L, kqv-L (attention before the output
projection), kqv_out-L (after), sa_out-L, ffn_norm-L, ffn_gate-L, ffn_up-L, ffn_geglu-L, ffn_out-L, l_out-L,
result_norm; the last layer's tensors after its attention hold the last token only (as llama.cpp's).
"""
import ctypes
import os
import sys

import llama_cpp
import numpy as np
from llama_cpp import Llama


class GGMLTensor(ctypes.Structure):
    """The head of ggml's `struct ggml_tensor` (ggml.h of the vendored llama.cpp)."""
    _fields_ = [("type", ctypes.c_int), ("buffer", ctypes.c_void_p),
                ("ne", ctypes.c_int64 * 4), ("nb", ctypes.c_size_t * 4), ("op", ctypes.c_int),
                ("op_params", ctypes.c_int32 * 16), ("flags", ctypes.c_int32),
                ("src", ctypes.c_void_p * 10), ("view_src", ctypes.c_void_p), ("view_offs", ctypes.c_size_t),
                ("data", ctypes.c_void_p), ("name", ctypes.c_char * 64)]


def llama_tensors(model: str, prompt: str) -> dict:
    """Every F32 tensor llama.cpp computes for the prompt's prefill, by name (the last one of each name)."""
    seen = {}

    def callback(t, ask, _):
        if ask:
            return True
        tensor = ctypes.cast(t, ctypes.POINTER(GGMLTensor)).contents
        if tensor.type != 0:
            return True
        ne, nb = list(tensor.ne), list(tensor.nb)
        size = sum((ne[i] - 1) * nb[i] for i in range(4)) + 4
        raw = bytes((ctypes.c_char * size).from_address(tensor.data)) + b"\0" * 4
        array = np.lib.stride_tricks.as_strided(
            np.frombuffer(raw, dtype=np.float32, count=size // 4), shape=ne[::-1], strides=nb[::-1])
        seen.setdefault(tensor.name.decode(), []).append(array.copy())
        return True

    hook = llama_cpp.ggml_backend_sched_eval_callback(callback)
    llm = Llama(model_path=model, n_ctx=1024, n_threads=2, n_batch=512, verbose=False)
    params = llm.context_params
    params.cb_eval = hook
    ctx = llama_cpp.llama_init_from_model(llm._model.model, params)
    tokens = llm.tokenize(prompt.encode(), add_bos=True, special=False)
    batch = llama_cpp.llama_batch_init(len(tokens), 0, 1)
    batch.n_tokens = len(tokens)
    for i, token in enumerate(tokens):
        batch.token[i], batch.pos[i], batch.n_seq_id[i] = token, i, 1
        batch.seq_id[i][0] = 0
        batch.logits[i] = i == len(tokens) - 1
    if llama_cpp.llama_decode(ctx, batch) != 0:
        sys.exit("llama_decode failed")
    return seen


def main() -> None:
    model, prompt, ours = sys.argv[1], sys.argv[2], sys.argv[3]
    theirs = llama_tensors(model, prompt)
    layers = sum(1 for name in theirs if name.startswith("l_out-"))
    # engine name -> (llama.cpp name, which occurrence: the projections first, the rotated ones last)
    pairs = [("inp_scaled", "inp_scaled", -1)]
    for il in range(layers):
        for ours_name, their_name, which in [
                ("attn_norm", "attn_norm", -1), ("Qcur", "Qcur", 0), ("Kcur", "Kcur", 0), ("Vcur", "Vcur", 0),
                ("Krope", "Kcur", -1), ("kqv", "kqv_out", -1), ("sa_out", "sa_out", -1), ("ffn_norm", "ffn_norm", -1),
                ("ffn_gate", "ffn_gate", -1), ("ffn_up", "ffn_up", -1), ("ffn_geglu", "ffn_geglu", -1),
                ("ffn_out", "ffn_out", -1), ("l_out", "l_out", -1)]:
            pairs.append((f"{ours_name}-{il}", f"{their_name}-{il}", which))
    pairs.append(("result_norm", "result_norm", -1))
    first = None
    for ours_name, their_name, which in pairs:
        path = os.path.join(ours, ours_name + ".f32")
        if their_name not in theirs or not os.path.exists(path):
            continue
        want = theirs[their_name][which].ravel()
        got = np.fromfile(path, dtype=np.float32)
        got = got[-want.size:] if got.size >= want.size else got
        if got.size != want.size:
            print(f"{ours_name:14s} size {got.size} vs {want.size}")
            continue
        diff = float(np.abs(got - want).max())
        print(f"{ours_name:14s} max |diff| {diff:.3g}  (max |value| {float(np.abs(want).max()):.4g})")
        if diff != 0 and first is None:
            first = ours_name
    print("all equal" if first is None else f"first difference: {first}")


if __name__ == "__main__":
    main()
