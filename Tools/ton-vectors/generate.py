"""Writes cells.json, mnemonics.json and addresses.json: vectors our Swift tests reproduce byte for byte."""
import base64
import hashlib
import json
import os
import random
import sys

from pytoniq_core import Address, Builder, Cell
from pytoniq_core.crypto.keys import mnemonic_new, mnemonic_to_wallet_key
from pytoniq_core.tlb.account import StateInit
from pytoniq.contract.wallets.wallet import WalletV4R2, WALLET_V4_R2_CODE
from pytoniq.contract.wallets.wallet_v5 import WalletV5R1, WALLET_V5_R1_CODE
from tonsdk.contract.wallet import Wallets, WalletVersionEnum

out_dir, seed = sys.argv[1], int(sys.argv[2])
rng = random.Random(seed)
os.makedirs(out_dir, exist_ok=True)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def random_bits(count: int) -> str:
    return "".join(rng.choice("01") for _ in range(count))


def pruned_branch() -> Cell:
    mask = rng.choice([1, 1, 1, 2, 3, 4, 5, 7])
    n = bin(mask).count("1")
    b = Builder().store_uint(1, 8).store_uint(mask, 8)
    for _ in range(n):
        b.store_bytes(rng.randbytes(32))
    for _ in range(n):
        b.store_uint(rng.randrange(0, 1000), 16)
    return Cell(b.end_cell().bits, [], 1)


def library_ref() -> Cell:
    b = Builder().store_uint(2, 8).store_bytes(rng.randbytes(32))
    return Cell(b.end_cell().bits, [], 2)


def merkle_proof(child: Cell) -> Cell:
    b = Builder().store_uint(3, 8).store_bytes(child.get_hash(0)).store_uint(child.get_depth(0), 16)
    return Cell(b.end_cell().bits, [child], 3)


def random_tree(depth: int, pool: list) -> Cell:
    roll = rng.random()
    if depth > 0 and roll < 0.06:
        return pruned_branch()
    if depth > 0 and roll < 0.08:
        return library_ref()
    if pool and depth > 0 and roll < 0.25:
        return rng.choice(pool)  # shared subtree: the bag of cells stores it once
    b = Builder()
    b.store_bits(random_bits(rng.choice([0, rng.randrange(0, 1024), rng.randrange(0, 64), 8 * rng.randrange(0, 128)])))
    max_refs = 0 if depth >= 8 else rng.choice([0, 0, 1, 1, 2, 3, 4]) if depth < 3 else rng.choice([0, 0, 0, 1, 2])
    for _ in range(max_refs):
        b.store_ref(random_tree(depth + 1, pool))
    cell = b.end_cell()
    pool.append(cell)
    if depth > 0 and cell.level_mask.mask and rng.random() < 0.3:
        return merkle_proof(cell)
    return cell


def all_cells_in_boc_order(root: Cell) -> list:
    indexed = {}
    root.order(indexed)
    return list(indexed)


cells = []
for i in range(1200):
    pool = []
    root = random_tree(0, pool)
    ordered = all_cells_in_boc_order(root)
    entry = {
        "boc": b64(root.to_boc()),
        "hash": root.hash.hex(),
        "depth": root.get_depth(3),
        "level": root.level_mask.mask,
        "hashes": [root.get_hash(level).hex() for level in range(4)],
        "depths": [root.get_depth(level) for level in range(4)],
        "cellCount": len(ordered),
        # sha256 over every cell's representation hash, in bag-of-cells order
        "allHashes": hashlib.sha256(b"".join(c.hash for c in ordered)).hexdigest(),
    }
    entry["crc"] = b64(root.to_boc(hash_crc32=True))
    if i % 4 == 0:
        entry["idx"] = b64(root.to_boc(has_idx=True))
        entry["idxCrcCache"] = b64(root.to_boc(has_idx=True, hash_crc32=True, has_cache_bits=True))
    # the bag of cells must also read back in pytoniq-core
    assert Cell.one_from_boc(root.to_boc(hash_crc32=True)).hash == root.hash
    cells.append(entry)

mnemonics = []
for i in range(100):
    words = mnemonic_new()
    public, secret = mnemonic_to_wallet_key(words)
    v4_data = WalletV4R2.create_data_cell(public, wallet_id=698983191, wc=0)
    v4 = Address((0, StateInit(code=WALLET_V4_R2_CODE, data=v4_data).serialize().hash))
    _, _, _, sdk_wallet = Wallets.from_mnemonics(words, WalletVersionEnum.v4r2, 0)
    assert sdk_wallet.address.to_string(False) == v4.to_str(False), "tonsdk and pytoniq disagree on v4r2"
    entry = {"words": " ".join(words), "publicKey": public.hex(), "seed": secret[:32].hex()}
    for network, global_id, test_only in [("mainnet", -239, False), ("testnet", -3, True)]:
        v5_data = WalletV5R1.create_data_cell(public, wc=0, network_global_id=global_id)
        v5 = Address((0, StateInit(code=WALLET_V5_R1_CODE, data=v5_data).serialize().hash))
        for name, address in [("v4r2", v4), ("v5r1", v5)]:
            entry[f"{name}-{network}"] = {
                "raw": address.to_str(False),
                "bounceable": address.to_str(True, is_url_safe=True, is_bounceable=True, is_test_only=test_only),
                "nonBounceable": address.to_str(True, is_url_safe=True, is_bounceable=False, is_test_only=test_only),
            }
    mnemonics.append(entry)

addresses = []
for i in range(300):
    workchain = rng.choice([0, 0, -1, rng.randrange(-128, 128)])
    address = Address((workchain, rng.randbytes(32)))
    forms = {}
    for url_safe in (True, False):
        for bounceable in (True, False):
            for test_only in (True, False):
                key = f"{'url' if url_safe else 'std'}-{'b' if bounceable else 'nb'}-{'test' if test_only else 'main'}"
                forms[key] = address.to_str(True, is_url_safe=url_safe, is_bounceable=bounceable, is_test_only=test_only)
    addresses.append({"raw": address.to_str(False), "forms": forms})

for name, data in [("cells.json", cells), ("mnemonics.json", mnemonics), ("addresses.json", addresses)]:
    with open(os.path.join(out_dir, name), "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
print("cells:", len(cells), "total cells:", sum(c["cellCount"] for c in cells),
      "pruned/exotic present:", sum(1 for c in cells if c["level"]), file=sys.stderr)
