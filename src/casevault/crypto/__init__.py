"""Cryptography for casevault: key derivation and wrapping, key slots, and the blob format.

No file system and no database in here: callers hand in streams and bytes.
"""
