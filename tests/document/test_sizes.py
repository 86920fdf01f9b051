"""A file over max-file-size is refused with sizes in units that show the difference."""
import pytest

from linter.document.reader import size, sizes


@pytest.mark.parametrize("found, limit, text", [
    (4500, 1024, "4.4 KB, over the 1 KB"),
    (1100, 1024, "1.1 KB, over the 1 KB"),
    (2048, 1536, "2.0 KB, over the 1.5 KB"),
    (20 * 1048576, 5 * 1048576, "20.0 MB, over the 5 MB"),
    (6_000_000, 5 * 1048576, "5.7 MB, over the 5 MB"),
    (3 * 1048576, 1048576 + 100, "3.0 MB, over the 1 MB"),
    # rounding would make them look equal: to the byte
    (1025, 1024, "1,025 bytes, over the 1,024-byte"),
    (5 * 1048576 + 1, 5 * 1048576, "5,242,881 bytes, over the 5,242,880-byte"),
])
def test_sizes(found, limit, text):
    assert sizes(found, limit) == text


@pytest.mark.parametrize("n, text", [(0, "0 bytes"), (1, "1 byte"), (1023, "1023 bytes"),
                                     (1024, "1 KB"), (1536, "1.5 KB"), (1048576, "1 MB")])
def test_size(n, text):
    assert size(n) == text


def test_a_file_over_a_limit_below_a_megabyte(cli, write):
    write(".medlint.yaml", "max-file-size: 1024\n")
    write("big.md", "Blinatumomab is a drug.\n" * 200)  # 4,800 bytes
    write("small.md", "Blinatumomab is a drug.\n")
    code, out, err = cli("check", "big.md", "small.md")
    assert (code, err) == (2, "medlint: error: big.md: file is 4.7 KB, over the 1 KB limit "
                              "(max-file-size in the config)\n")
    assert out.startswith("small.md:1:1: DISC001")
