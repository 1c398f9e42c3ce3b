"""Functions run in worker processes by the multiprocessing test (importable by name)."""


def check_with(checker, path):
    return checker.check(path)


def pack_name(checker):
    return checker.pack_name
