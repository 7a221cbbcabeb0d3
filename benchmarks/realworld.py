"""How many real published numeric errors `factcheck check` catches: the shared real-world set's line.

    python benchmarks/realworld.py [SCORE_PY] [--embed] [-v]

SCORE_PY defaults to ../shared/realworld/score.py next to the repository. It runs this checkout's
`factcheck` (the one beside the running Python) on both versions of every case and prints the
scorer's last line: `realworld yes=a/b maybe=c/d no=e/f false_alarms_on_fixed=g/h` (caught = a fail
finding on the error version; false alarm = a fail finding on the corrected one). `--embed` places
each passage inside a real BBC article (../shared/corpus/bbc/txt), as the scorer's README explains.
These are development figures: the rules were improved while looking at this set.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("score", nargs="?", default=str(ROOT.parent / "shared" / "realworld" / "score.py"))
    parser.add_argument("--embed", action="store_true", help="place each passage inside a BBC article")
    parser.add_argument("-v", action="store_true", help="print the scorer's line for every case")
    args = parser.parse_args()
    score = Path(args.score)
    if not score.is_file():
        sys.exit(f"realworld.py: {score} not found; pass the path to realworld/score.py")
    factcheck = Path(sys.executable).with_name("factcheck")
    command = [sys.executable, str(score), "--cmd", str(factcheck)]
    if args.embed:
        command += ["--embed", str(score.parent.parent / "corpus" / "bbc" / "txt")]
    if args.v:
        command.append("-v")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        sys.exit(f"realworld.py: the scorer failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    print("\n".join(lines if args.v else lines[-1:]))


if __name__ == "__main__":
    main()
