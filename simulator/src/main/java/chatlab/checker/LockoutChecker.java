package chatlab.checker;

import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import chatlab.workload.ServerCrash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lockout keeps its rule, account by attacked account: a wrong password is answered with the
 * attempts left, between 1 and N−1; N consecutive failures block the account, the N-th saying
 * so itself; while blocked, every attempt is refused, even with the right password, and
 * counts for nothing; after the block duration, attempts count again. Operations overlap in
 * time, so each rule is applied only where the order of events is certain: an attempt
 * surely inside a block began after the blocking answer came and ended before the block, timed
 * from the blocking attempt's start, could have ended. The server keeps lockout in memory, so
 * a crash forgets every count and block: nothing before a kill of the server is held against
 * what comes after it.
 */
public final class LockoutChecker implements Checker {
    public static final String WRONG_PASSWORD = "wrong_password";
    public static final String ACCOUNT_BLOCKED = "account_blocked";
    /** Slack for the clocks of client and server, in microseconds. */
    static final long SLACK = 250_000;

    private record Attempt(Event invoke, Event completion) {
        long start() {
            return invoke.t();
        }

        long end() {
            return completion.t();
        }

        boolean right() {
            return Boolean.TRUE.equals(invoke.right());
        }

        boolean ok() {
            return completion.type() == Type.OK;
        }

        String code() {
            return completion.failure() == null ? null : completion.failure().code();
        }

        boolean wrong() {
            return WRONG_PASSWORD.equals(code());
        }

        /** This attempt blocked the account: it said so itself, with no attempts left. */
        boolean blocking() {
            return ACCOUNT_BLOCKED.equals(code()) && Integer.valueOf(0).equals(completion.failure().left());
        }

        /** Refused because the account was already blocked. */
        boolean refused() {
            return ACCOUNT_BLOCKED.equals(code()) && completion.failure().left() == null;
        }

        String describe() {
            return (right() ? "right" : "wrong") + " password at t=" + start() + ".." + end() + "µs → "
                    + (ok() ? "ok" : completion.type() == Type.INFO ? "no answer" : code()
                    + (completion.failure().left() == null ? "" : " (" + completion.failure().left() + " left)"));
        }
    }

    @Override
    public String name() {
        return "lockout";
    }

    @Override
    public Verdict check(List<Event> history, CheckContext context) {
        Map<String, List<Attempt>> byVictim = attempts(history);
        Restarts restarts = Restarts.of(history);
        Evidence problems = new Evidence();
        int n = context.maxAttempts();
        long block = context.blockDuration().toNanos() / 1_000;
        long blocks = 0;
        long total = 0;
        for (Map.Entry<String, List<Attempt>> entry : byVictim.entrySet()) {
            String victim = entry.getKey();
            List<Attempt> attempts = entry.getValue();
            total += attempts.size();
            List<Attempt> blocking = attempts.stream().filter(Attempt::blocking).toList();
            blocks += blocking.size();
            for (Attempt a : attempts) {
                if (a.wrong() && (a.completion.failure().left() == null || a.completion.failure().left() < 1
                        || a.completion.failure().left() > n - 1)) {
                    problems.add("bad count", victim + ": " + a.describe() + "; with N = " + n + " it must be 1.." + (n - 1));
                }
                for (Attempt b : blocking) {
                    boolean surelyInside = a.start() > b.end() && a.end() < b.start() + block - SLACK
                            && !restarts.between(b.start(), a.end());
                    if (surelyInside && !a.refused() && a.completion.type() != Type.INFO) {
                        problems.add(a.ok() ? "let in while blocked" : "counted while blocked", victim + ": "
                                + a.describe() + ", inside the block from " + b.describe());
                    }
                }
                // an attempt that got no answer may have been the one that blocked the account
                if (a.refused() && attempts.stream().filter(b -> b.blocking() || b.completion.type() == Type.INFO)
                        .noneMatch(b -> a.end() >= b.start() && a.start() <= b.end() + block + SLACK
                                && !restarts.surelyBetween(b.end(), a.start()))) {
                    problems.add("blocked without cause", victim + ": " + a.describe() + ", but no block covers it");
                }
            }
            checkRuns(victim, attempts, n, restarts, problems);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("accounts", (long) byVictim.size());
        counts.put("attempts", total);
        counts.put("blocks", blocks);
        counts.putAll(problems.counts());
        if (!problems.isEmpty()) {
            return new Verdict(name(), Validity.INVALID, problems.describe(), counts, problems.kept());
        }
        if (byVictim.isEmpty()) {
            return new Verdict(name(), Validity.UNKNOWN, "no account was attacked in this run", counts, List.of());
        }
        return new Verdict(name(), Validity.VALID, total + " attempts on " + byVictim.size()
                + (byVictim.size() == 1 ? " account; " : " accounts; ") + blocks
                + " blocks, each after " + n + " failures and lasting " + context.blockDuration().toSeconds() + " s",
                counts, List.of());
    }

    /**
     * Where attempts did not overlap, the count is exact: N−1 wrong answers in a row, with
     * nothing between them to reset the count, must be followed by the blocking answer.
     */
    private static void checkRuns(String victim, List<Attempt> attempts, int n, Restarts restarts, Evidence problems) {
        int run = 0;
        Attempt previous = null;
        for (Attempt a : attempts) {
            if (previous != null && restarts.surelyBetween(previous.end(), a.start())) {
                run = 0; // a fresh server counts from nothing
            } else if (previous != null && restarts.between(previous.end(), a.start())) {
                run = -1_000_000; // a kill close to the last answer: whether the server forgot it is not known
            }
            boolean sequential = previous == null || a.start() > previous.end();
            if (!sequential) {
                run = -1_000_000; // overlapping attempts: the order the server saw is not known here
            }
            if (a.wrong()) {
                run++;
                if (run >= n) {
                    problems.add("not blocked", victim + ": " + run + " wrong passwords in a row without a block, the last "
                            + a.describe());
                }
            } else if (a.blocking()) {
                if (run >= 0 && run != n - 1) {
                    problems.add("blocked early", victim + ": blocked after " + (run + 1) + " failures in a row, not " + n
                            + ": " + a.describe());
                }
                run = 0;
            } else if (a.ok() || a.refused() || a.completion.type() == Type.INFO) {
                run = a.refused() || a.completion.type() == Type.INFO ? Math.min(run, 0) : 0;
                if (a.completion.type() == Type.INFO) {
                    run = -1_000_000; // an attempt in doubt may or may not have counted
                }
            }
            previous = a;
        }
    }

    /** When the nemesis killed the server: each kill forgets lockout's counts and blocks. */
    private record Restarts(List<Long> kills) {
        static Restarts of(List<Event> history) {
            return new Restarts(history.stream().filter(e -> e.is(Op.FAULT) && e.fault().kind().equals(ServerCrash.KIND)
                    && e.fault().phase().equals("start")).map(Event::t).toList());
        }

        /** A kill may lie between the two times (within the clocks' slack). */
        boolean between(long from, long to) {
            return kills.stream().anyMatch(k -> k > from - SLACK && k < to + SLACK);
        }

        /** A kill surely lies between the two times. */
        boolean surelyBetween(long from, long to) {
            return kills.stream().anyMatch(k -> k > from + SLACK && k < to - SLACK);
        }
    }

    private static Map<String, List<Attempt>> attempts(List<Event> history) {
        Map<String, Event> open = new LinkedHashMap<>();
        Map<String, List<Attempt>> byVictim = new LinkedHashMap<>();
        for (Event e : history) {
            if (!e.is(Op.LOGIN) || e.right() == null) {
                continue; // only attackers' attempts say which password they used
            }
            if (e.type() == Type.INVOKE) {
                open.put(e.p(), e);
            } else if (e.type().completion()) {
                Event invoke = open.remove(e.p());
                if (invoke != null) {
                    byVictim.computeIfAbsent(e.u(), k -> new ArrayList<>()).add(new Attempt(invoke, e));
                }
            }
        }
        byVictim.values().forEach(list -> list.sort(java.util.Comparator.comparingLong(Attempt::start)));
        return byVictim;
    }
}
