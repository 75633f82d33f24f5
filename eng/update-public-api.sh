#!/usr/bin/env bash
# Declares every public symbol the build reports as undeclared (RS0016) in its project's PublicAPI.Unshipped.txt,
# and drops declared symbols that no longer exist (RS0017). Review the diff: it is the package's API change.
# Usage: eng/update-public-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp)"
dotnet build Cartesia.slnx --no-incremental -p:TreatWarningsAsErrors=false -nologo -v quiet > "$log" 2>&1 || true
python3 - "$log" <<'PY'
import re, sys, pathlib, collections
add, remove = collections.defaultdict(set), collections.defaultdict(set)
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.search(r"(RS0016|RS0017): Symbol '(.+?)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.+?\.csproj)\]", line)
    if m:
        (add if m.group(1) == "RS0016" else remove)[pathlib.Path(m.group(3)).parent].add(m.group(2))
for project in set(add) | set(remove):
    for name in ("PublicAPI.Unshipped.txt", "PublicAPI.Shipped.txt"):
        path = project / name
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else ["#nullable enable"]
        body = [l for l in lines[1:] if l and l not in remove[project]]
        if name == "PublicAPI.Unshipped.txt":
            body = sorted(set(body) | add[project], key=str.lower)
        path.write_text("\n".join([lines[0] if lines else "#nullable enable"] + body) + "\n", encoding="utf-8")
    print(f"{project.name}: +{len(add[project])} -{len(remove[project])}")
PY
rm -f "$log"
