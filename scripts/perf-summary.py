#!/usr/bin/env python3
"""Summarises one process's samples from `perf script -F pid,ip,sym,dso` (call graphs recorded with
`perf record -g`, Java frames named through the JVM's perf map): the share of samples in the kernel,
which system calls and Java callers they came through, and the inclusive share of chosen frames.

    perf script -i perf.data --pid PID -F pid,ip,sym,dso > samples.txt
    scripts/perf-summary.py samples.txt
"""
import collections
import re
import sys

FRAME = re.compile(r'([0-9a-f]+) (.*) \((.*)\)$')
KEEP = ('chatlab', 'sqlite', 'jackson', 'ssl', 'Virtual', 'ForkJoin', 'park', 'Continuation', 'epoll', 'write',
        'read', 'futex', 'schedule', 'Lock', 'Condition', 'crypto')


def samples(path):
    out, current = [], None
    with open(path, encoding='utf-8', errors='replace') as lines:
        for line in lines:
            if line.strip() and not line.startswith('\t'):
                current = []
                out.append(current)
                continue
            match = FRAME.match(line.strip())
            if match and current is not None:
                current.append((match.group(2), match.group(3)))
    return out


def first(stack, wanted):
    return next((name for name, dso in stack if wanted(name, dso)), '?')


def plain(name):
    return re.sub(r'\(.*', '', name).split(' ')[-1]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    all_samples = samples(sys.argv[1])
    n = len(all_samples)
    if n == 0:
        sys.exit('no samples in ' + sys.argv[1])
    kernel = [s for s in all_samples if s and 'kernel' in s[0][1]]
    print('samples', n)
    print('kernel leaf %.1f%%' % (100 * len(kernel) / n))
    print('--- kernel samples by system call wrapper and Java caller')
    calls = collections.Counter()
    for s in kernel:
        wrapper = first(s, lambda name, dso: 'kernel' not in dso)
        java = first(s, lambda name, dso: 'perf-' in dso and any(p in name for p in ('chatlab', 'sun.', 'java.', 'org.')))
        calls[(plain(wrapper), plain(java))] += 1
    for (wrapper, java), count in calls.most_common(15):
        print('%5.1f%% %s <- %s' % (100 * count / n, wrapper, java))
    print('--- inclusive')
    inclusive = collections.Counter()
    for s in all_samples:
        for name in {plain(name) for name, _ in s}:
            inclusive[name] += 1
    for name, count in inclusive.most_common(150):
        if any(p in name for p in KEEP):
            print('%5.1f%% %s' % (100 * count / n, name))


if __name__ == '__main__':
    main()
