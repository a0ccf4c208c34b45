package chatlab.sim;

import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import chatlab.workload.Arrivals;
import chatlab.workload.GroupSpec;
import chatlab.workload.LoadModel;
import chatlab.workload.Step;
import chatlab.workload.UserPlan;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An open group: sessions arrive on the seeded schedule whatever the server does. Each takes a
 * free account from the group's pool, logs in (its latency timed from when it was due), acts a
 * few times and leaves. An arrival that finds every account busy is recorded as dropped.
 */
final class OpenGroup implements Runnable {
    private final SimContext ctx;
    private final GroupSpec group;
    private final int groupIndex;
    private final LoadModel.Open model;
    private final List<String> pool;
    private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();

    OpenGroup(SimContext ctx, GroupSpec group, int groupIndex) {
        this.ctx = ctx;
        this.group = group;
        this.groupIndex = groupIndex;
        this.model = (LoadModel.Open) group.model();
        List<String> all = ctx.accounts.users(group.name());
        this.pool = java.util.stream.IntStream.range(0, all.size()).filter(ctx.shard::owns).mapToObj(all::get).toList();
    }

    /** This shard's accounts in the pool: the drain logs in those not in a session. */
    List<String> pool() {
        return pool;
    }

    @Override
    public void run() {
        List<Long> arrivals = Arrivals.schedule(ctx.scenario.seed(), groupIndex, model, ctx.scenario.duration().toNanos());
        for (int k = 0; k < arrivals.size(); k++) {
            if (!ctx.shard.owns(k)) {
                continue;
            }
            long due = ctx.loadStartNanos() + arrivals.get(k);
            if (!ctx.pauseUntil(due)) {
                break;
            }
            String account = take(k);
            String process = group.name() + "#" + k;
            long dueMicros = ctx.ops.clock().micros() - (System.nanoTime() - due) / 1_000;
            if (account == null) {
                ctx.ops.event(Event.of(0, process, Type.INFO, Op.ARRIVAL, null).withDue(dueMicros)
                        .withFailure(new Event.Failure("pool_exhausted", "every account of " + group.name()
                                + " was in a session", null, null)));
                continue;
            }
            int session = k;
            sessions.submit(() -> session(session, process, account, dueMicros));
        }
    }

    private String take(int k) {
        for (int i = 0; i < pool.size(); i++) {
            String account = pool.get((k + i) % pool.size());
            if (ctx.state(account).busy.compareAndSet(false, true)) {
                return account;
            }
        }
        return null;
    }

    private void session(int k, String process, String account, long dueMicros) {
        ChatSession session = new ChatSession(ctx, process, account, group);
        try {
            if (!session.login(dueMicros)) {
                return;
            }
            UserPlan plan = new UserPlan(ctx.scenario.seed(), groupIndex, Arrivals.SESSION_STREAMS + k, group,
                    ctx.accounts, account);
            for (int a = 0; a < model.actions(); a++) {
                Step step = plan.next();
                if (!ctx.pause(step.thinkNanos()) || !session.ensureOnline()) {
                    return;
                }
                session.perform(step.action());
            }
            session.logout();
        } finally {
            session.close();
            ctx.state(account).busy.set(false);
        }
    }

    /** Waits for the sessions under way to end (they stop at the stop signal). */
    void awaitSessions(long timeoutNanos) throws InterruptedException {
        sessions.shutdown();
        sessions.awaitTermination(timeoutNanos, TimeUnit.NANOSECONDS);
    }
}
