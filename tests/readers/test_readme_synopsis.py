"""The documentation says what the binary does: the README's synopsis (the
block under "## Using it") and the man page's SYNOPSIS are, line for line,
the usage lines of each command's --help, for every command `wardgraph
--help` lists; every option a command's --help lists is in its section of
the man page and in the bash completion of that command.

usage: test_readme_synopsis.py WARDGRAPH SOURCE_DIR SCRATCH_DIR
"""
import re
import subprocess
import sys

exe, src = sys.argv[1], sys.argv[2]
failures = 0
checks = 0


def check(cond, what):
    global failures, checks
    checks += 1
    if not cond:
        failures += 1
        print("FAIL:", what)


def squash(s):
    return " ".join(s.split())


def helptext(*args):
    r = subprocess.run([exe, *args], capture_output=True, text=True)
    check(r.returncode == 0, "wardgraph %s exits 0" % " ".join(args))
    return r.stdout


commands = re.findall(r"^  ([a-z]+) ", helptext("--help").split("Commands:")[1], re.M)
check(len(commands) >= 9 and "view" in commands, "commands listed by --help: %r" % commands)
usage, options = {}, {}
for c in commands:
    text = helptext(c, "--help")
    head = text.split("\n\n")[0]
    check(head.startswith("usage: wardgraph " + c + " "), c + ": --help starts with its usage line")
    usage[c] = squash(head[len("usage: "):])
    options[c] = sorted(set(re.findall(r"^\s+(?:-[a-zA-Z], )?(--[a-z][a-z-]*)", text, re.M)) - {"--help"})

# the README's synopsis
with open(src + "/README.md", encoding="utf-8") as f:
    readme = f.read()
block = readme.split("## Using it", 1)[1].split("```", 2)[1]
lines = {}
for line in block.strip().splitlines():
    m = re.match(r"wardgraph (\S+)", line)
    check(m is not None, "a README synopsis line names a command: %r" % line)
    if m:
        lines[m.group(1)] = squash(line)
check(sorted(lines) == sorted(commands), "the README's synopsis has every command: %r" % sorted(lines))
for c in commands:
    check(lines.get(c) == usage[c], "README synopsis of %s:\n    README: %s\n    --help: %s" % (c, lines.get(c), usage[c]))

# the man page
with open(src + "/src/cli/wardgraph.1", encoding="utf-8") as f:
    man = f.read()


def unroff(s):
    return squash(re.sub(r"\\f[BIR]", "", s).replace("\\-", "-"))


synopsis = man.split(".SH SYNOPSIS", 1)[1].split(".SH", 1)[0]
man_lines = {}
for line in synopsis.splitlines():
    m = re.match(r"wardgraph (\S+)", unroff(line))
    if m and not m.group(1).startswith("-"):
        man_lines[m.group(1)] = unroff(line)
for c in commands:
    check(man_lines.get(c) == usage[c], "man SYNOPSIS of %s:\n    man:    %s\n    --help: %s" % (c, man_lines.get(c), usage[c]))
sections = dict(re.findall(r"^\.SS wardgraph (\S+)\n(.*?)(?=^\.S[SH] )", man, re.M | re.S))
reading = man.split(".SS Reading options", 1)[1].split(".SS", 1)[0] if ".SS Reading options" in man else ""
for c in commands:
    check(c in sections, "the man page has a section for " + c)
    body = unroff(sections.get(c, "") + (reading if c in ("extract", "add", "build") else ""))
    for o in options[c]:
        check(re.search(re.escape(o) + r"\b", body) is not None, "man page: %s %s" % (c, o))

# bash completion
with open(src + "/src/cli/wardgraph.bash", encoding="utf-8") as f:
    comp = f.read()
reader = re.search(r'local reader="([^"]*)"', comp).group(1).split()
for c in commands:
    m = re.search(r"^\s*" + c + r'\) opts="([^"]*)"', comp, re.M)
    check(m is not None, "completion lists the options of " + c)
    words = set(m.group(1).replace("$reader", " ".join(reader)).split()) if m else set()
    for o in options[c]:
        check(o in words, "completion: %s %s" % (c, o))
check(set(commands) <= set(re.search(r'local commands="([^"]*)"', comp).group(1).split()), "completion: commands")

print("synopsis, man page, completion: %d commands; %d checks" % (len(commands), checks))
print("%d passed, %d failed" % (checks - failures, failures))
sys.exit(1 if failures else 0)
